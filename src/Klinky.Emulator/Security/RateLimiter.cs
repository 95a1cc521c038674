namespace Klinky.Emulator.Security;

/// <summary>
/// A fixed one-hour window per key, opened by the key's first counted request (Klinky's docs say both "sliding window"
/// and "resets at the top of each hour": clients must trust the headers, and this emulator's headers are exact).
/// A window that opens at first use never resets moments after a test has spent it, as a top-of-the-hour window would
/// when a run happens to cross the hour. Read from a <see cref="TimeProvider"/> so the hour is testable.
/// </summary>
internal sealed class RateLimiter
{
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly int _limit;
    private readonly Dictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <param name="window">An hour, as the plans say; shorter only with the test-only <c>--rate-limit</c>.</param>
    public RateLimiter(TimeProvider time, int hourlyLimit, TimeSpan? window = null)
    {
        _time = time;
        _limit = hourlyLimit;
        _window = window ?? TimeSpan.FromHours(1);
    }

    /// <summary>Counts one request; <see cref="RateWindow.Allowed"/> is false once the window's budget is spent.</summary>
    public RateWindow Consume(Workspace workspace) => Update(workspace, consume: true);

    /// <summary>The budget without spending any of it, and without opening a window (for <c>GET /public/keys/rate-limit</c>).</summary>
    public RateWindow Peek(Workspace workspace) => Update(workspace, consume: false);

    private RateWindow Update(Workspace workspace, bool consume)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (!_counters.TryGetValue(workspace.Id, out var counter) || now >= counter.ResetsAt)
            {
                if (!consume)
                {
                    return new RateWindow(true, _limit, _limit, WholeSeconds(now + _window));
                }

                counter = new Counter(WholeSeconds(now + _window));
                _counters[workspace.Id] = counter;
            }

            var allowed = counter.Used < _limit;
            if (consume && allowed)
            {
                counter.Used++;
            }

            return new RateWindow(allowed || !consume, _limit, Math.Max(0, _limit - counter.Used), counter.ResetsAt);
        }
    }

    // X-RateLimit-Reset is in whole unix seconds; the window ends exactly when the header says (at most an hour from now).
    private static DateTimeOffset WholeSeconds(DateTimeOffset instant) => DateTimeOffset.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());

    private sealed class Counter(DateTimeOffset resetsAt)
    {
        public DateTimeOffset ResetsAt { get; } = resetsAt;

        public int Used { get; set; }
    }
}
