using Klinky.Stats;

namespace Klinky.Reporting;

/// <summary>
/// One link's figures as a report comment keeps them: the counts the report is computed from and when they were read.
/// Re-rendering computes the stats with Core's own <see cref="StatsCalculator"/>, the code behind the emulator's route.
/// The verdict memory goes with the counts, so a verdict once reached stands across pushes (<see cref="Remember"/>).
/// </summary>
internal sealed record SavedLink(string Id, string Slug, string Name, string? ShortUrl, int AutoWinnerThreshold, string? WinnerLabel, IReadOnlyList<VariantCounts> Variants, DateTimeOffset ReadAt)
{
    /// <summary>What the read kept for the next one (<see cref="LinkStats.Memory"/>); null when the stats had none.</summary>
    public VerdictMemory? Memory { get; init; }

    /// <summary>
    /// When the rate window the figures were read in ends (null when unknown). Figures of a window that has ended come
    /// first when the budget is short (<see cref="RateLimits.RequestBudget"/>): that keeps every report's figures within
    /// one window (plus the refresh interval) of now.
    /// </summary>
    internal DateTimeOffset? WindowEndsAt { get; init; }

    /// <summary>
    /// A fresh read of the link with the verdict memory <paramref name="saved"/> carries (none on a link's first report):
    /// the verdict the report showed stands, and the result's <see cref="LinkStats.Memory"/> is what to save next.
    /// </summary>
    public static LinkStats Remember(LinkStats fresh, SavedLink? saved, DateTimeOffset now) =>
        StatsCalculator.WithMemory(fresh, saved?.Memory, now);

    /// <summary>The figures of <paramref name="stats"/>, read at <paramref name="readAt"/>.</summary>
    public static SavedLink From(LinkStats stats, DateTimeOffset readAt)
    {
        Guard.NotNull(stats, nameof(stats));
        var link = stats.Link;
        return new SavedLink(
            stats.LinkId,
            link?.Slug ?? "",
            link?.Name ?? "",
            link?.ShortUrl,
            stats.AutoWinnerThreshold,
            stats.WinnerLabel ?? link?.WinnerLabel,
            stats.Variants.Select(v => new VariantCounts(v.Label, v.Weight, v.Clicks, v.Conversions)).ToList(),
            readAt)
        {
            Memory = stats.Memory,
        };
    }

    /// <summary>The stats these counts give, with the link's id, slug and name for the report's headings.</summary>
    public LinkStats ToStats()
    {
        var stats = StatsCalculator.Compute(Id, Variants, AutoWinnerThreshold, WinnerLabel, new DateRange()) with
        {
            Link = ToLink(),
            Source = StatsSource.Endpoint,
            RequestCost = 0,
        };

        // The memory saved with these counts already holds their verdict: re-reading them with it gives what was shown.
        return Memory is null ? stats : StatsCalculator.WithMemory(stats, Memory, ReadAt);
    }

    /// <summary>What the saved figures know of the link (no destinations): enough for a heading, and its id to read it again without a lookup.</summary>
    public Links.Link ToLink() =>
        KlinkyModelFactory.Link(id: Id, slug: Slug, name: Name, shortUrl: ShortUrl, autoWinnerThreshold: AutoWinnerThreshold, winnerLabel: WinnerLabel);
}
