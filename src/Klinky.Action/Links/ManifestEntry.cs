using Klinky.Links;

namespace Klinky.Action.Links;

/// <summary>One link in a Klinky.Build manifest (<c>{"links": [{"id", "slug", "short_url", ...}]}</c>); other fields are ignored.</summary>
internal sealed class ManifestEntry
{
    public string? Id { get; init; }
    public string? Slug { get; init; }
    public string? ShortUrl { get; init; }
    public string? Name { get; init; }

    /// <summary>The variants as the build sent them: with them, even the clicks-export fallback needs no extra request.</summary>
    public IReadOnlyList<Variant>? Variants { get; init; }
}
