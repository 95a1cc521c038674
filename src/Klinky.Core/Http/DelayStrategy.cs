using Klinky.RateLimits;

namespace Klinky.Http;

/// <summary>
/// "How long before the next attempt?" (Azure.Core's <c>DelayStrategy</c>): after a 429 what the server said (Retry-After,
/// else the budget's reset), after any other failure jittered exponential backoff.
/// </summary>
internal sealed class DelayStrategy
{
    private readonly KlinkyRetryOptions _retry;
    private readonly TimeProvider _time;

    // Seeded from a Guid: .NET Framework seeds new Random() from the tick count, so clients made together would jitter together.
    private readonly Random _jitter = new(Guid.NewGuid().GetHashCode());

    public DelayStrategy(KlinkyRetryOptions retry, TimeProvider time)
    {
        _retry = retry;
        _time = time;
    }

    /// <summary>
    /// The wait before attempt <paramref name="attempt"/> + 1, or null when the server asks for longer than
    /// <see cref="KlinkyRetryOptions.MaxRateLimitWait"/> (or says nothing about when): then the failure is final.
    /// </summary>
    public KlinkyWaitNotice? NextDelay(AttemptResult result, int attempt)
    {
        if (result.Status != 429)
        {
            return NextBackoff(attempt);
        }

        return ServerDelay(result) is { } wait && wait <= _retry.MaxRateLimitWait
            ? new KlinkyWaitNotice { Reason = KlinkyWaitReason.RateLimited, Delay = wait < TimeSpan.Zero ? TimeSpan.Zero : wait, NextAttempt = attempt + 1 }
            : null;
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

    // Retry-After, else the budget's reset (Azure.Core's GetServerDelay).
    private TimeSpan? ServerDelay(AttemptResult result) =>
        RateLimitHeaders.ReadRetryAfter(result.RetryAfter, _time.GetUtcNow())
        ?? (result.RateLimit is RateLimitState known ? known.ResetsAt - _time.GetUtcNow() : null);
}
