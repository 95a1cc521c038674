using Klinky.RateLimits;

namespace Klinky;

/// <summary>
/// 429, or a budget the client knows is spent: <see cref="RetryAfter"/> says how long to wait,
/// <see cref="ResetsAt"/> when the hourly budget comes back.
/// </summary>
public sealed class KlinkyRateLimitException : KlinkyException
{
    public KlinkyRateLimitException(string message, KlinkyCallInfo call, TimeSpan? retryAfter, DateTimeOffset? resetsAt)
        : base(message, call)
    {
        RetryAfter = retryAfter;
        ResetsAt = resetsAt;
    }

    public TimeSpan? RetryAfter { get; }

    public DateTimeOffset? ResetsAt { get; }

    /// <summary>True when the client refused to send because the last known budget was spent (no request was made).</summary>
    public bool NotSent => StatusCode is null;
}
