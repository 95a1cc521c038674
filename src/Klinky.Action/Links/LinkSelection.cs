using Klinky.Links;

namespace Klinky.Action.Links;

/// <summary>
/// What the inputs select before any request: the manifests' entries (read from the workspace), the warnings of that read,
/// and whether a listing of the account is needed to find the links (slugs, a prefix, the slug convention).
/// </summary>
/// <param name="ByConvention">The pull request whose links the default selection finds by their slugs (no manifest of it).</param>
internal sealed record LinkSelection(IReadOnlyList<LinkManifestEntry> ManifestEntries, IReadOnlyList<string> Warnings, bool NeedsListing, int? ByConvention)
{
    /// <summary>Klinky.Build's status of a link it created (rather than found or updated).</summary>
    public const string CreatedStatus = "created";

    /// <summary>The entries of links the build created, with the time Klinky says it did: their counts were zero then.</summary>
    public IEnumerable<LinkManifestEntry> Created => ManifestEntries.Where(e =>
        string.Equals(e.Status, CreatedStatus, StringComparison.Ordinal) && e.CreatedAt is not null && !string.IsNullOrWhiteSpace(e.Id));
}
