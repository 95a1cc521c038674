using System.Collections.Concurrent;

namespace Klinky.Emulator.Redirects;

/// <summary>
/// Which visitor already clicked which link in the current session (30 minutes), and the click id that visit got, so a
/// repeat click is redirected with the same <c>kl_cid</c> but counted once.
/// </summary>
internal sealed class VisitorSessions
{
    private static readonly long SessionLength = TimeSpan.FromMinutes(30).Ticks;
    // Sized up front: growing a concurrent dictionary locks every stripe while it copies, a pause the redirect path would feel.
    private readonly ConcurrentDictionary<(string LinkId, string VisitorId), Session> _sessions = new(concurrencyLevel: 64, capacity: 1 << 20);
    private readonly TimeProvider _time;
    private long _nextSweep;

    public VisitorSessions(TimeProvider time) => _time = time;

    /// <summary>True when this is the visit's first click (count it); <paramref name="clickId"/> is the session's click id.</summary>
    public bool TryStart(string linkId, string visitorId, out string clickId)
    {
        var now = _time.GetUtcNow().UtcTicks;
        SweepIfDue(now);
        // Time-ordered (v7) ids append to the clicks table's primary-key B-tree instead of landing at random pages: much cheaper batches.
        var fresh = new Session(Guid.CreateVersion7().ToString(), now + SessionLength);
        var session = _sessions.AddOrUpdate((linkId, visitorId), fresh, (_, existing) => existing.ExpiresAt > now ? existing : fresh);
        clickId = session.ClickId;
        return ReferenceEquals(session, fresh);
    }

    private void SweepIfDue(long now)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + TimeSpan.TicksPerMinute, due) != due)
        {
            return;
        }

        foreach (var pair in _sessions)
        {
            if (pair.Value.ExpiresAt <= now)
            {
                _sessions.TryRemove(pair);
            }
        }
    }

    private sealed record Session(string ClickId, long ExpiresAt);
}
