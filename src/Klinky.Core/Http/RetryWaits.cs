namespace Klinky.Http;

/// <summary>
/// The client's waits between attempts: jittered exponential backoff after a failure, and the announced waits for a
/// rate limit. Every wait is announced first (so a surface can show progress) and runs on the injected clock.
/// </summary>
internal sealed class RetryWaits
{
    private readonly KlinkyRetryOptions _retry;
    private readonly TimeProvider _time;
    private readonly Action<KlinkyWaitNotice>? _onWait;
    // Seeded from a Guid: .NET Framework seeds new Random() from the tick count, so clients made together would jitter together.
    private readonly Random _jitter = new(Guid.NewGuid().GetHashCode());

    public RetryWaits(KlinkyRetryOptions retry, TimeProvider time, Action<KlinkyWaitNotice>? onWait)
    {
        _retry = retry;
        _time = time;
        _onWait = onWait;
    }

    /// <summary>The backoff before attempt <paramref name="attempt"/> + 1 (Azure.Core's CalculateNextDelay).</summary>
    public KlinkyWaitNotice NextBackoff(int attempt)
    {
        var cap = Math.Min(_retry.MaxDelay.TotalMilliseconds, _retry.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        double fraction;
        lock (_jitter)
        {
            fraction = _jitter.NextDouble();
        }

        return new KlinkyWaitNotice { Reason = KlinkyWaitReason.Backoff, Delay = EqualJitter(cap, fraction), NextAttempt = attempt + 1 };
    }

    /// <summary>
    /// Equal jitter: half the step fixed, half random, so clients that failed together do not retry together and no
    /// retry comes sooner than half its step (full jitter could retry at once, hitting a struggling server again).
    /// </summary>
    internal static TimeSpan EqualJitter(double stepMilliseconds, double fraction) =>
        TimeSpan.FromMilliseconds((stepMilliseconds / 2) + (fraction * stepMilliseconds / 2));

    public async Task DelayAsync(KlinkyWaitNotice notice, CancellationToken cancellationToken)
    {
        _onWait?.Invoke(notice);
        if (notice.Delay > TimeSpan.Zero)
        {
#if NET8_0_OR_GREATER
            await Task.Delay(notice.Delay, _time, cancellationToken).ConfigureAwait(false);
#else
            await _time.Delay(notice.Delay, cancellationToken).ConfigureAwait(false);
#endif
        }
    }
}
