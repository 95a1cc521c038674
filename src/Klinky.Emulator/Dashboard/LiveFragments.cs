using System.Collections.Concurrent;
using Klinky.Emulator.Storage;
using Klinky.Emulator.Winners;

namespace Klinky.Emulator.Dashboard;

/// <summary>
/// The results fragment of each watched link (Core's verdict, the chart and the table: <see cref="LinkPage.Live"/>), rendered
/// at most once per <see cref="Interval"/> and only when the link or its counts changed, and shared by every page that asks:
/// ten open tabs under a burst of clicks cost one verdict and one chart a second, not ten each.
/// </summary>
/// <remarks>
/// The verdict's reads keep the link's verdict memory (<see cref="LinkStatsService.ComputeCommitted"/>), so a rendering is
/// not free; the pages ask once a second while clicks arrive and once more when they stop, which a fragment rendered before
/// the last counts moved would answer wrongly: after <see cref="Interval"/> the moved counts are rendered. A fragment whose
/// counts have not moved is still rendered again after <see cref="MaxAge"/>, for what depends on the clock (the days an
/// experiment still needs).
/// </remarks>
internal sealed class LiveFragments
{
    public const int ChartBuckets = 60;
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, Fragment> _latest = new(StringComparer.Ordinal);
    private readonly Lock _rendering = new();
    private readonly LinkStatsService _stats;
    private readonly ClickTimeline _timeline;
    private readonly CounterCache _counters;
    private readonly TimeProvider _time;

    public LiveFragments(LinkStatsService stats, ClickTimeline timeline, CounterCache counters, TimeProvider time)
    {
        _stats = stats;
        _timeline = timeline;
        _counters = counters;
        _time = time;
    }

    /// <summary>The fragment of <paramref name="link"/> as it is now, or as it was less than <see cref="Interval"/> ago.</summary>
    public string For(LinkRecord link)
    {
        if (Reusable(link) is { } kept)
        {
            return kept;
        }

        return Render(link, reuse: true);
    }

    /// <summary>
    /// The fragment of <paramref name="link"/> as it is now: for a page being opened or reloaded, which one person asks for
    /// once and which must not show counts from before the clicks that made them reload; the shared copy is updated too.
    /// </summary>
    public string Fresh(LinkRecord link) => Render(link, reuse: false);

    private string Render(LinkRecord link, bool reuse)
    {
        // One rendering at a time: the pages that asked meanwhile take the one just made.
        lock (_rendering)
        {
            if (reuse && Reusable(link) is { } rendered)
            {
                return rendered;
            }

            var counts = _counters.Snapshot(link);
            var html = LinkPage.Live(link, _stats.ComputeCommitted(link), _timeline.Read(link.Id, ChartBuckets));
            _latest[link.Id] = new Fragment(link, counts, _time.GetUtcNow(), html);
            return html;
        }
    }

    /// <summary>Forgets the fragment of <paramref name="linkId"/>: its traffic was reset, the next page must not see the old counts.</summary>
    public void Forget(string linkId) => _latest.TryRemove(linkId, out _);

    private string? Reusable(LinkRecord link)
    {
        // A changed link (a winner declared, weights edited) is a new record: rendered at once.
        if (!_latest.TryGetValue(link.Id, out var kept) || !ReferenceEquals(kept.Link, link))
        {
            return null;
        }

        var age = _time.GetUtcNow() - kept.At;
        return age < Interval || (age < MaxAge && kept.Counts.AsSpan().SequenceEqual(_counters.Snapshot(link))) ? kept.Html : null;
    }

    private sealed record Fragment(LinkRecord Link, long[] Counts, DateTimeOffset At, string Html);
}
