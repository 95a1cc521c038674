namespace Klinky.Http;

/// <summary>Why and how long the client is about to wait before its next attempt.</summary>
public sealed record KlinkyWaitNotice(KlinkyWaitReason Reason, TimeSpan Delay, int NextAttempt);

public enum KlinkyWaitReason
{
    /// <summary>The server answered 429 or the known budget is spent.</summary>
    RateLimited,

    /// <summary>A 5xx or transport failure on a request that is safe to repeat.</summary>
    Backoff,
}
