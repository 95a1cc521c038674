namespace Klinky.Links;

/// <summary>
/// One link in a <see cref="LinkManifest"/>. Klinky.Build always writes id and slug; a hand-written manifest may hold
/// only one of them, so readers treat an empty (or missing) value as absent.
/// </summary>
internal sealed class LinkManifestEntry
{
    public string Id { get; init; } = "";

    public string Slug { get; init; } = "";

    public string? ShortUrl { get; init; }

    public string Name { get; init; } = "";

    /// <summary>What the build did: <c>created</c>, <c>updated</c>, <c>unchanged</c>, <c>up to date</c>.</summary>
    public string Status { get; init; } = "";

    /// <summary>
    /// When Klinky created the link, as its answer said (else null), whether this build created it or found it: its counts
    /// were zero then, so a report can show them, with that age, without a request.
    /// </summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The variants as the build sent them: with them, a reader needs no request to know the link's split.</summary>
    public IReadOnlyList<Variant> Variants { get; init; } = Array.Empty<Variant>();

    /// <summary>The Klinky.Build <c>KlinkyPreviewLink</c> item the link came from.</summary>
    public string? Item { get; init; }
}
