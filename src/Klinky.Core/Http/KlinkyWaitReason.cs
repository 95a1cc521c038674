namespace Klinky.Http;

public enum KlinkyWaitReason
{
    /// <summary>The server answered 429 or the known budget is spent.</summary>
    RateLimited,

    /// <summary>A 5xx or transport failure on a request that is safe to repeat.</summary>
    Backoff,
}
