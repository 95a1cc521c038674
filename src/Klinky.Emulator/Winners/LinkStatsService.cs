using Klinky.Emulator.Storage;
using Klinky.Stats;

namespace Klinky.Emulator.Winners;

/// <summary>
/// The stats object of a link: counts from the maintained counters (or, for a date range, from the time index) handed to
/// Core's <see cref="StatsCalculator"/>, the same code the client's clicks-export fallback runs, with the link's
/// <see cref="VerdictMemory"/> from the database so the verdict, once reached, stands (and a change of variants or
/// weights starts the experiment over). A caller's read (<see cref="ComputeAsync"/>) flushes the <see cref="ClickWriter"/>
/// first, so it counts every answered redirect; the auto-winner's and the dashboard's reads (<see cref="ComputeCommitted"/>)
/// run after a commit and read what it stored.
/// </summary>
internal sealed class LinkStatsService
{
    private readonly CounterCache _counters;
    private readonly ClickQueries _clicks;
    private readonly ClickWriter _writer;
    private readonly VerdictMemoryStore _memories;
    private readonly TimeProvider _time;

    // Reads and auto-winner checks of one link must not interleave between taking its memory and keeping the new one.
    private readonly object _gate = new();

    public LinkStatsService(CounterCache counters, ClickQueries clicks, ClickWriter writer, VerdictMemoryStore memories, TimeProvider time)
    {
        _counters = counters;
        _clicks = clicks;
        _writer = writer;
        _memories = memories;
        _time = time;
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

        return Compute(link, counts, range);
    }

    /// <summary>The all-time stats object from what is committed, without flushing: for the auto-winner, which runs after commits (on the writer's heels, never waiting for it).</summary>
    public LinkStats ComputeCommitted(LinkRecord link) => Compute(link, Maintained(link), DateRange.All);

    private LinkStats Compute(LinkRecord link, IReadOnlyList<VariantCounts> counts, DateRange range)
    {
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

    private List<VariantCounts> Maintained(LinkRecord link) => link.Variants.Select(v =>
    {
        var (clicks, conversions) = _counters.Get(link.Id, v.Label);
        return new VariantCounts(v.Label, v.Weight, clicks, conversions);
    }).ToList();
}
