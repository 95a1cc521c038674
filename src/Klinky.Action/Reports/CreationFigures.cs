using Klinky.Action.Links;
using Klinky.Links;
using Klinky.Reporting;
using Klinky.Stats;

namespace Klinky.Action.Reports;

/// <summary>
/// The figures of a new link, known without a request: its counts were zero when Klinky created it, at the time the
/// build's manifest records (<see cref="LinkManifestEntry.CreatedAt"/>). For links the build created or found, never for
/// ones whose split it changed (<see cref="LinkSelection.WasCreated"/>), and only when Klinky said when. A report shows
/// them, with that age, when the budget cannot pay for a read; figures the comment saved are newer and win.
/// </summary>
internal static class CreationFigures
{
    /// <summary>The figures at creation of the links the selection's manifests say the build created, and <paramref name="saved"/> has not.</summary>
    public static IReadOnlyList<SavedLink> For(LinkSelection selection, SavedReport? saved) => selection.CreatedHere.Value
        .Where(e => saved?.Find(e.Id.Trim()) is null)
        .GroupBy(e => e.Id.Trim(), StringComparer.OrdinalIgnoreCase)
        .Select(g => AtCreation(g.First()))
        .ToList();

    // The manifest does not carry the link's auto-winner threshold: the default is what Klinky.Build creates links with,
    // and with no clicks there is no verdict for it to decide.
    private static SavedLink AtCreation(LinkManifestEntry entry) => new(
        entry.Id.Trim(),
        entry.Slug ?? "",
        string.IsNullOrEmpty(entry.Name) ? entry.Slug ?? "" : entry.Name,
        entry.ShortUrl,
        LinkRules.DefaultAutoWinnerThreshold,
        null,
        entry.Variants.Select(v => new VariantCounts(v.Label, v.Weight, 0, 0)).ToList(),
        entry.CreatedAt!.Value);
}
