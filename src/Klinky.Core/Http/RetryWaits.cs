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

    public Task BackoffAsync(int attempt, CancellationToken cancellationToken)
    {
        var cap = Math.Min(_retry.MaxDelay.TotalMilliseconds, _retry.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        double fraction;
        lock (_jitter)
        {
            fraction = _jitter.NextDouble();
        }

        // Equal jitter: at least half the step, so clients that failed together do not retry together.
        var delay = TimeSpan.FromMilliseconds((cap / 2) + (fraction * cap / 2));
        return DelayAsync(new KlinkyWaitNotice(KlinkyWaitReason.Backoff, delay, attempt + 1), cancellationToken);
    }

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
