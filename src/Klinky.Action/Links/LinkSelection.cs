using Klinky.Links;

namespace Klinky.Action.Links;

/// <summary>
/// What the inputs select before any request: the manifests' entries (read from the workspace), the warnings of that read,
/// and whether a listing of the account is needed to find the links (slugs, a prefix, the slug convention).
/// </summary>
/// <param name="ByConvention">The pull request whose links the default selection finds by their slugs (no manifest of it).</param>
/// <param name="CreatedHere">
/// The selected links that Klinky.Build created in this job, with the time Klinky says it did (their counts were zero
/// then), read from the workspace's manifests only when asked for.
/// </param>
internal sealed record LinkSelection(IReadOnlyList<LinkManifestEntry> ManifestEntries, IReadOnlyList<string> Warnings, bool NeedsListing, int? ByConvention, Lazy<IReadOnlyList<LinkManifestEntry>> CreatedHere)
{
    /// <summary>Klinky.Build's status of a link it created (rather than found or updated).</summary>
    public const string CreatedStatus = "created";

    /// <summary>True for an entry of a link the build created, with its creation time and what a report needs to show it.</summary>
    public static bool WasCreated(LinkManifestEntry entry) =>
        string.Equals(entry.Status, CreatedStatus, StringComparison.Ordinal) && entry.CreatedAt is not null
        && !string.IsNullOrWhiteSpace(entry.Id) && entry.Variants is { Count: > 0 };
}
