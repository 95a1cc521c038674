namespace Klinky;

/// <summary>How the client retries. Only safe requests are retried: GET, PUT, DELETE and POSTs carrying an Idempotency-Key.</summary>
public sealed class KlinkyRetryOptions
{
    /// <summary>Retries after the first attempt (0 turns retrying off).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// First backoff step; doubled on each retry up to <see cref="MaxDelay"/>, with equal jitter: each wait is between
    /// half the step and the whole step, never sooner.
    /// </summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest wait the client accepts for a 429's Retry-After or a spent budget's reset. Longer waits fail at once
    /// with <see cref="KlinkyRateLimitException"/> saying when the budget resets: a build should not sleep for 30 minutes.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(60);
}
