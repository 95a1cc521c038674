namespace Klinky.Publishing;

/// <summary>The platform's rate limit held for longer than the run waits; a caller reports it and the next run catches up.</summary>
public sealed class PublishingRateLimitException : PublishingException
{
    public PublishingRateLimitException(string message, string platform, int status, TimeSpan? retryAfter)
        : base(message, platform, status) => RetryAfter = retryAfter;

    public TimeSpan? RetryAfter { get; }
}
