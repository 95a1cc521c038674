namespace Klinky;

/// <summary>One page of a listing: <c>{"items": [...], "total": N, "page": P, "per_page": K}</c>.</summary>
public sealed class PagedResult<T>
{
    public IReadOnlyList<T> Items { get; init; } = Array.Empty<T>();
    public int Total { get; init; }
    public int Page { get; init; } = 1;
    public int PerPage { get; init; }

    /// <summary>True when more items follow this page.</summary>
    public bool HasMore => Items.Count > 0 && (long)Page * Math.Max(PerPage, Items.Count) < Total;
}
