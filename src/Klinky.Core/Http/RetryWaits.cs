namespace Klinky.Http;

/// <summary>
/// The client's waits (a backoff, a rate limit's window, a spent budget's reset): every wait is announced first, so a
/// surface can show progress, and runs on the injected clock. How long each is, is the <see cref="DelayStrategy"/>'s and
/// the <see cref="BudgetWait"/>'s to say.
/// </summary>
internal sealed class RetryWaits
{
    private readonly TimeProvider _time;
    private readonly Action<KlinkyWaitNotice>? _onWait;

    public RetryWaits(TimeProvider time, Action<KlinkyWaitNotice>? onWait)
    {
        _time = time;
        _onWait = onWait;
    }

    /// <summary>Announces <paramref name="notice"/> (so a surface can show progress), then waits it out on the injected clock.</summary>
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
