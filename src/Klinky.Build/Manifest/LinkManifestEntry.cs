using Klinky.Links;

namespace Klinky.Build.Manifest;

/// <summary>One link in <c>klinky-links.json</c>; <see cref="Item"/> is the <c>KlinkyPreviewLink</c> it came from.</summary>
internal sealed class LinkManifestEntry
{
    public string Id { get; init; } = "";
    public string Slug { get; init; } = "";
    public string? ShortUrl { get; init; }
    public string Name { get; init; } = "";
    public string Status { get; init; } = "";
    public IReadOnlyList<Variant> Variants { get; init; } = Array.Empty<Variant>();
    public string? Item { get; init; }
}
