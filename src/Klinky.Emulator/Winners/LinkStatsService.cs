using Klinky.Emulator.Storage;
using Klinky.Stats;

namespace Klinky.Emulator.Winners;

/// <summary>
/// The stats object of a link: counts from the maintained counters (or, for a date range, from the time index) handed to
/// Core's <see cref="StatsCalculator"/>, the same code the client's clicks-export fallback runs. A caller's read
/// (<see cref="ComputeAsync"/>) flushes the <see cref="ClickWriter"/> first, so it counts every answered redirect; the
/// auto-winner's reads (<see cref="Verdict"/>, <see cref="ComputeCommitted"/>) run after a commit and read what it stored.
/// </summary>
internal sealed class LinkStatsService
{
    private readonly CounterCache _counters;
    private readonly ClickQueries _clicks;
    private readonly ClickWriter _writer;

    public LinkStatsService(CounterCache counters, ClickQueries clicks, ClickWriter writer)
    {
        _counters = counters;
        _clicks = clicks;
        _writer = writer;
    }

    /// <summary>The stats object of <paramref name="link"/> within <paramref name="range"/>, counting every answered redirect.</summary>
    public async Task<LinkStats> ComputeAsync(LinkRecord link, DateRange range, CancellationToken cancellationToken)
    {
        IReadOnlyList<VariantCounts> counts;
        if (range.Start is null && range.End is null)
        {
            await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            counts = Maintained(link);
        }
        else
        {
            var ranged = await _clicks.CountByVariantAsync(link.Id, range, cancellationToken).ConfigureAwait(false);
            counts = link.Variants.Select(v =>
            {
                var (clicks, conversions) = ranged.GetValueOrDefault(v.Label);
                return new VariantCounts(v.Label, v.Weight, clicks, conversions);
            }).ToList();
        }

        return StatsCalculator.Compute(link.Id, counts, link.AutoWinnerThreshold, link.WinnerLabel, range);
    }

    /// <summary>The all-time stats object from what is committed, without flushing: for the auto-winner, which runs after commits (on the writer's heels, never waiting for it).</summary>
    public LinkStats ComputeCommitted(LinkRecord link) =>
        StatsCalculator.Compute(link.Id, Maintained(link), link.AutoWinnerThreshold, link.WinnerLabel, DateRange.All);

    /// <summary>The verdict alone (Core's always-valid test), without the descriptive posterior integration: what auto-winner needs after every batch of clicks.</summary>
    public StatsVerdict Verdict(LinkRecord link) =>
        StatsVerdict.Decide(Maintained(link), link.AutoWinnerThreshold, AlwaysValidTest.DefaultMinimumEffect);

    private List<VariantCounts> Maintained(LinkRecord link) => link.Variants.Select(v =>
    {
        var (clicks, conversions) = _counters.Get(link.Id, v.Label);
        return new VariantCounts(v.Label, v.Weight, clicks, conversions);
    }).ToList();
}
