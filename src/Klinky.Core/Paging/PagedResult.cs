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

    /// <summary>
    /// True when more items follow this page: the items before this page plus this page's fall short of the total.
    /// The one last-page rule of every listing (the clients' lazy enumerations and the PowerShell pagers).
    /// </summary>
    public bool HasMore => Items.Count > 0 && ((long)Math.Max(0, Page - 1) * PerPage) + Items.Count < Total;
}
