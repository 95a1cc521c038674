namespace Klinky.Links;

/// <summary>Query of <c>GET /public/links</c>.</summary>
public sealed class LinkListOptions
{
    /// <summary>Page number, from 1.</summary>
    public int Page { get; init; } = 1;

    /// <summary>Items per page, 1-100 (the API's default is 20; the client asks for 100 to spend fewer requests).</summary>
    public int PerPage { get; init; } = LinkRules.MaxPerPage;

    /// <summary>Exact slug filter (a P row: servers without it ignore it, so the client also filters locally).</summary>
    public string? Slug { get; init; }

    /// <summary>Free-text filter (a P row).</summary>
    public string? Search { get; init; }
}
