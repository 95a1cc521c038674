namespace Klinky;

/// <summary>One page of a listing: <c>{"items": [...], "total": N, "page": P, "per_page": K}</c>.</summary>
public sealed class PagedResult<T>
{
    public IReadOnlyList<T> Items { get; init; } = Array.Empty<T>();
    public int Total { get; init; }
    /// <summary>The page number; the client fills in the one it asked for when the server does not echo it.</summary>
    public int Page { get; init; }

    /// <summary>Items per page; the client fills in the size it asked for when the server does not echo it.</summary>
    public int PerPage { get; init; }

    /// <summary>True when more items follow this page.</summary>
    public bool HasMore => Items.Count > 0 && (long)Page * Math.Max(PerPage, Items.Count) < Total;

    // The contract only promises items and total: paging must not depend on the server repeating what was asked.
    internal PagedResult<T> AsRequested(int page, int perPage) =>
        Page > 0 && PerPage > 0 ? this : new PagedResult<T> { Items = Items, Total = Total, Page = Page > 0 ? Page : page, PerPage = PerPage > 0 ? PerPage : perPage };
}
