using Klinky.Links;

namespace Klinky.Action.Links;

/// <summary>
/// What the inputs select before any request: the manifests' entries (read from the workspace), the warnings of that read,
/// and whether a listing of the account is needed to find the links (slugs, a prefix, the slug convention).
/// </summary>
/// <param name="ByConvention">The pull request whose links the default selection finds by their slugs (no manifest of it).</param>
/// <param name="CreatedHere">
/// The selected links whose manifest entry says when Klinky created them (their counts were zero then) and whose
/// variants are still those (created or found, not updated), read from the workspace's manifests only when asked for.
/// </param>
internal sealed record LinkSelection(IReadOnlyList<LinkManifestEntry> ManifestEntries, IReadOnlyList<string> Warnings, bool NeedsListing, int? ByConvention, Lazy<IReadOnlyList<LinkManifestEntry>> CreatedHere)
{
    /// <summary>Klinky.Build's status of a link whose variants it changed: the split shown at creation would not be the one it had.</summary>
    public const string UpdatedStatus = "updated";

    /// <summary>
    /// True for an entry that says when Klinky created the link, with the variants it was created with and what a report
    /// needs to show it. A found link counts too: a concurrent build of the same pull request may have created it (pushes
    /// in quick succession), and the report of the push whose build found it may run before the first report saved
    /// anything.
    /// </summary>
    public static bool WasCreated(LinkManifestEntry entry) =>
        !string.Equals(entry.Status, UpdatedStatus, StringComparison.Ordinal) && entry.CreatedAt is not null
        && !string.IsNullOrWhiteSpace(entry.Id) && entry.Variants is { Count: > 0 };
}
