using System.Runtime.InteropServices;

namespace Klinky.Emulator.Storage;

/// <summary>
/// One link's committed clicks and conversions by click time, in cells of 2^<c>shift</c> milliseconds per variant, kept up to
/// date by the stores as they commit (see <see cref="ClickTimeline"/>). The cells start at a millisecond each and are merged
/// in pairs when there are more than <see cref="MaxCells"/>, so a link's size never costs more than that much memory, and
/// the chart's buckets (60 over the whole span) are placed to within a few hundredths of a bucket (a tenth with six variants).
/// </summary>
internal sealed class TimelineCells
{
    public const int MaxCells = 16_384;
    private readonly Lock _gate = new();
    private Dictionary<(long Cell, string Label), Tally> _cells = new();
    private int _shift;
    private long _first = long.MaxValue;
    private long _last = long.MinValue;

    /// <summary>Adds <paramref name="clicks"/> made at <paramref name="createdAtMs"/> and <paramref name="conversions"/> of clicks made then.</summary>
    public void Add(long createdAtMs, string label, long clicks, long conversions)
    {
        lock (_gate)
        {
            AddUnlocked(createdAtMs, label, clicks, conversions);
        }
    }

    /// <summary>Adds clicks of this link just committed (one lock for the lot).</summary>
    public void AddClicks(ReadOnlySpan<ClickEvent> clicks)
    {
        lock (_gate)
        {
            foreach (var click in clicks)
            {
                AddUnlocked(click.CreatedAtMs, click.VariantLabel, 1, 0);
            }
        }
    }

    /// <summary>
    /// Up to <paramref name="buckets"/> equal buckets from the first click to the last (per bucket and variant), oldest first;
    /// empty when there are no clicks. A bucket ends at its last millisecond, or at the last click.
    /// </summary>
    public IReadOnlyList<TimelineBucket> Buckets(int buckets)
    {
        lock (_gate)
        {
            if (_first > _last)
            {
                return Array.Empty<TimelineBucket>();
            }

            var width = Math.Max(1, ((_last - _first) / buckets) + 1);
            var grouped = new Dictionary<(long Bucket, string Label), Tally>();
            foreach (var ((cell, label), tally) in _cells)
            {
                var bucket = (Math.Max(cell << _shift, _first) - _first) / width;
                var sum = grouped.GetValueOrDefault((bucket, label));
                grouped[(bucket, label)] = new Tally { Clicks = sum.Clicks + tally.Clicks, Conversions = sum.Conversions + tally.Conversions };
            }

            var rows = new List<TimelineBucket>(grouped.Count);
            foreach (var ((bucket, label), tally) in grouped)
            {
                if (tally.Clicks > 0)
                {
                    var end = DateTimeOffset.FromUnixTimeMilliseconds(Math.Min(_last, _first + ((bucket + 1) * width) - 1));
                    rows.Add(new TimelineBucket(end, label, tally.Clicks, tally.Conversions));
                }
            }

            rows.Sort(static (a, b) => a.End != b.End ? a.End.CompareTo(b.End) : string.CompareOrdinal(a.VariantLabel, b.VariantLabel));
            return rows;
        }
    }

    private void AddUnlocked(long createdAtMs, string label, long clicks, long conversions)
    {
        ref var tally = ref CollectionsMarshal.GetValueRefOrAddDefault(_cells, (createdAtMs >> _shift, label), out _);
        tally.Clicks += clicks;
        tally.Conversions += conversions;
        if (clicks > 0)
        {
            _first = Math.Min(_first, createdAtMs);
            _last = Math.Max(_last, createdAtMs);
        }

        if (_cells.Count > MaxCells)
        {
            Coarsen();
        }
    }

    // Halves the resolution until half the cells are left, so a steady stream merges rarely (each merge is one pass).
    private void Coarsen()
    {
        while (_cells.Count > MaxCells / 2)
        {
            _shift++;
            var merged = new Dictionary<(long Cell, string Label), Tally>(_cells.Count / 2);
            foreach (var ((cell, label), tally) in _cells)
            {
                ref var into = ref CollectionsMarshal.GetValueRefOrAddDefault(merged, (cell >> 1, label), out _);
                into.Clicks += tally.Clicks;
                into.Conversions += tally.Conversions;
            }

            _cells = merged;
        }
    }

    private struct Tally
    {
        public long Clicks;
        public long Conversions;
    }
}
