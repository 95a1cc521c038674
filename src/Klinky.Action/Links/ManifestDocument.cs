namespace Klinky.Action.Links;

/// <summary>The manifest file Klinky.Build writes: the links a build created or updated.</summary>
internal sealed class ManifestDocument
{
    public IReadOnlyList<ManifestEntry> Links { get; init; } = Array.Empty<ManifestEntry>();
}
