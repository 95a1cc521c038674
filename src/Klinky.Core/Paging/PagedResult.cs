using System.Text.Json.Serialization;

namespace Klinky;

/// <summary>One page of a listing: <c>{"items": [...], "total": N, "page": P, "per_page": K}</c>.</summary>
public sealed class PagedResult<T>
{
    [JsonInclude]
    public IReadOnlyList<T> Items { get; internal init; } = Array.Empty<T>();
    [JsonInclude]
    public int Total { get; internal init; }
    /// <summary>The page number; the client fills in the one it asked for when the server does not echo it.</summary>
    [JsonInclude]
    public int Page { get; internal init; }

    /// <summary>Items per page; the client fills in the size it asked for when the server does not echo it.</summary>
    [JsonInclude]
    public int PerPage { get; internal init; }

    /// <summary>
    /// True when more items follow this page: the items before this page plus this page's fall short of the total.
    /// The one last-page rule of every listing (the clients' lazy enumerations and the PowerShell pagers).
    /// </summary>
    public bool HasMore => Items.Count > 0 && ((long)Math.Max(0, Page - 1) * PerPage) + Items.Count < Total;
}
