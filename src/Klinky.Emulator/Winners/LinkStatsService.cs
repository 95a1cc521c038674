using Klinky.Emulator.Storage;
using Klinky.Stats;

namespace Klinky.Emulator.Winners;

/// <summary>
/// The stats object of a link: counts from the maintained counters (or, for a date range, from the time index) handed to
/// Core's <see cref="StatsCalculator"/>, the same code the client's clicks-export fallback runs, with the link's
/// <see cref="VerdictMemory"/> from the database so the verdict, once reached, stands (and a change of variants or
/// weights starts the experiment over).
/// </summary>
internal sealed class LinkStatsService
{
    private readonly CounterCache _counters;
    private readonly ClickQueries _clicks;
    private readonly VerdictMemoryStore _memories;
    private readonly TimeProvider _time;

    // Reads and auto-winner checks of one link must not interleave between taking its memory and keeping the new one.
    private readonly object _gate = new();

    public LinkStatsService(CounterCache counters, ClickQueries clicks, VerdictMemoryStore memories, TimeProvider time)
    {
        _counters = counters;
        _clicks = clicks;
        _memories = memories;
        _time = time;
    }

    public LinkStats Compute(LinkRecord link, DateRange range)
    {
        var counts = Counts(link, range);
        lock (_gate)
        {
            var stats = StatsCalculator.Compute(link.Id, counts, link.AutoWinnerThreshold, link.WinnerLabel, range, new StatsOptions
            {
                Previous = _memories.Get(link.Id),
                KeepsMemory = true,
                Now = _time.GetUtcNow(),
                ExperimentStart = link.CreatedAt,
            });
            if (stats.Memory is { } memory)
            {
                _memories.Save(link.Id, memory);
            }

            return stats;
        }
    }

    private IReadOnlyList<VariantCounts> Counts(LinkRecord link, DateRange range)
    {
        if (range.Start is null && range.End is null)
        {
            return link.Variants.Select(v =>
            {
                var (clicks, conversions) = _counters.Get(link.Id, v.Label);
                return new VariantCounts(v.Label, v.Weight, clicks, conversions);
            }).ToList();
        }

        var ranged = _clicks.CountByVariant(link.Id, range);
        return link.Variants.Select(v =>
        {
            var (clicks, conversions) = ranged.GetValueOrDefault(v.Label);
            return new VariantCounts(v.Label, v.Weight, clicks, conversions);
        }).ToList();
    }
}
