namespace Klinky.Emulator.Security;

/// <summary>
/// A fixed hourly window per key that resets at the top of each hour UTC (the documented behaviour),
/// read from a <see cref="TimeProvider"/> so the hour is testable.
/// </summary>
internal sealed class RateLimiter
{
    private readonly TimeProvider _time;
    private readonly int _limit;
    private readonly Dictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public RateLimiter(TimeProvider time, int hourlyLimit)
    {
        _time = time;
        _limit = hourlyLimit;
    }

    /// <summary>Counts one request; <see cref="RateWindow.Allowed"/> is false once the hour's budget is spent.</summary>
    public RateWindow Consume(Workspace workspace) => Update(workspace, consume: true);

    /// <summary>The budget without spending any of it (for <c>GET /public/keys/rate-limit</c>).</summary>
    public RateWindow Peek(Workspace workspace) => Update(workspace, consume: false);

    private RateWindow Update(Workspace workspace, bool consume)
    {
        var now = _time.GetUtcNow();
        var hourStart = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var resetsAt = hourStart.AddHours(1);
        lock (_gate)
        {
            if (!_counters.TryGetValue(workspace.Id, out var counter) || counter.HourStart != hourStart)
            {
                counter = new Counter(hourStart);
                _counters[workspace.Id] = counter;
            }

            var allowed = counter.Used < _limit;
            if (consume && allowed)
            {
                counter.Used++;
            }

            return new RateWindow(allowed || !consume, _limit, Math.Max(0, _limit - counter.Used), resetsAt);
        }
    }

    private sealed class Counter(DateTimeOffset hourStart)
    {
        public DateTimeOffset HourStart { get; } = hourStart;

        public int Used { get; set; }
    }
}
