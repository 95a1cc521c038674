using Klinky.Emulator.Storage;
using Klinky.Stats;

namespace Klinky.Emulator.Winners;

/// <summary>
/// The stats object of a link: counts from the maintained counters (or, for a date range, from the time index) handed to
/// Core's <see cref="StatsCalculator"/>, the same code the client's clicks-export fallback runs.
/// </summary>
internal sealed class LinkStatsService
{
    private readonly CounterCache _counters;
    private readonly ClickQueries _clicks;

    public LinkStatsService(CounterCache counters, ClickQueries clicks)
    {
        _counters = counters;
        _clicks = clicks;
    }

    public LinkStats Compute(LinkRecord link, DateRange range) =>
        StatsCalculator.Compute(link.Id, Counts(link, range), link.AutoWinnerThreshold, link.WinnerLabel, range);

    /// <summary>The verdict alone (Core's always-valid test), without the descriptive posterior integration: what auto-winner needs after every batch of clicks.</summary>
    public StatsVerdict Verdict(LinkRecord link) =>
        StatsVerdict.Decide(Counts(link, DateRange.All), link.AutoWinnerThreshold, AlwaysValidTest.DefaultMinimumEffect);

    private IReadOnlyList<VariantCounts> Counts(LinkRecord link, DateRange range)
    {
        IReadOnlyList<VariantCounts> counts;
        if (range.Start is null && range.End is null)
        {
            counts = link.Variants.Select(v =>
            {
                var (clicks, conversions) = _counters.Get(link.Id, v.Label);
                return new VariantCounts(v.Label, v.Weight, clicks, conversions);
            }).ToList();
        }
        else
        {
            var ranged = _clicks.CountByVariant(link.Id, range);
            counts = link.Variants.Select(v =>
            {
                var (clicks, conversions) = ranged.GetValueOrDefault(v.Label);
                return new VariantCounts(v.Label, v.Weight, clicks, conversions);
            }).ToList();
        }

        return counts;
    }
}
