using Klinky.RateLimits;

namespace Klinky.Http;

/// <summary>
/// The step before each attempt: when the last answer said the budget is spent, wait for its reset if that is within
/// <see cref="KlinkyRetryOptions.MaxRateLimitWait"/>, else fail at once without spending a request on a certain 429.
/// </summary>
internal sealed class BudgetWait
{
    private readonly KlinkyRetryOptions _retry;
    private readonly TimeProvider _time;
    private readonly RetryWaits _waits;

    public BudgetWait(KlinkyRetryOptions retry, TimeProvider time, RetryWaits waits)
    {
        _retry = retry;
        _time = time;
        _waits = waits;
    }

    /// <exception cref="KlinkyRateLimitException">The budget is spent and resets later than the longest wait allowed.</exception>
    public async Task WaitAsync(RateLimitState? known, string method, string url, int attempt, CancellationToken cancellationToken)
    {
        var wait = known is { Remaining: 0 } ? known.ResetsAt - _time.GetUtcNow() : TimeSpan.Zero;
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        if (wait > _retry.MaxRateLimitWait)
        {
            throw ErrorMapper.BudgetSpent(method, url, known!, wait);
        }

        await _waits.DelayAsync(new KlinkyWaitNotice { Reason = KlinkyWaitReason.RateLimited, Delay = wait, NextAttempt = attempt }, cancellationToken).ConfigureAwait(false);
    }
}
