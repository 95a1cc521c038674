namespace Klinky.Tests.Support;

/// <summary>
/// A clock whose timers fire at once, recording every delay asked of it: retry and rate-limit waits
/// are asserted by value without the test sleeping.
/// </summary>
internal sealed class InstantTimeProvider : TimeProvider
{
    private readonly List<TimeSpan> _delays = new();
    private DateTimeOffset _now;

    public InstantTimeProvider(DateTimeOffset? now = null) => _now = now ?? new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_delays)
            {
                return _delays.ToList();
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_delays)
        {
            return _now;
        }
    }

    /// <summary>Moves the clock on without a delay being asked (time passing between two calls).</summary>
    public void Advance(TimeSpan by)
    {
        lock (_delays)
        {
            _now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_delays)
            {
                _delays.Add(dueTime);
                _now += dueTime;
            }

            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new NoopTimer();
    }

    private sealed class NoopTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
