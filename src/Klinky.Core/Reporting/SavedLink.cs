using Klinky.Stats;

namespace Klinky.Reporting;

/// <summary>
/// One link's figures as a report comment keeps them: the counts the report is computed from and when they were read.
/// Re-rendering computes the stats with Core's own <see cref="StatsCalculator"/>, the code behind the emulator's route.
/// </summary>
public sealed record SavedLink(string Id, string Slug, string Name, string? ShortUrl, int AutoWinnerThreshold, string? WinnerLabel, IReadOnlyList<VariantCounts> Variants, DateTimeOffset ReadAt)
{
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
            readAt);
    }

    /// <summary>The stats these counts give, with the link's id, slug and name for the report's headings.</summary>
    public LinkStats ToStats() =>
        StatsCalculator.Compute(Id, Variants, AutoWinnerThreshold, WinnerLabel, new DateRange()) with
        {
            Link = ToLink(),
            Source = StatsSource.Endpoint,
            RequestCost = 0,
        };

    /// <summary>What the saved figures know of the link (no destinations): enough for a heading, and its id to read it again without a lookup.</summary>
    public Links.Link ToLink() => new()
    {
        Id = Id,
        Slug = Slug,
        Name = Name,
        ShortUrl = ShortUrl,
        AutoWinnerThreshold = AutoWinnerThreshold,
        WinnerLabel = WinnerLabel,
    };
}
