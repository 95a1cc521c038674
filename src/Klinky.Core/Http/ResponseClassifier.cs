namespace Klinky.Http;

/// <summary>
/// "Should this attempt be sent again?" (Azure.Core's <c>ResponseClassifier.IsRetriable</c>), asked of every failed
/// attempt; how long to wait first is the <see cref="DelayStrategy"/>'s answer, how many times the pipeline's loop decides.
/// </summary>
internal sealed class ResponseClassifier
{
    public static ResponseClassifier Default { get; } = new();

    public bool IsRetriable(KlinkyRequest request, AttemptResult result)
    {
        if (result.IsSuccess)
        {
            return false;
        }

        // A 429 was not processed, so any method is safe to send again once the window allows it.
        if (result.Status == 429)
        {
            return true;
        }

        // No answer, or a server error: the call may have been carried out, so only a call that cannot do anything twice
        // (a GET, a PUT, a POST with an Idempotency-Key the server replays) is repeated. A 4xx is the caller's to fix, and
        // a 3xx is never followed (it would carry the key to another host).
        return (result.NoAnswer is not null || result.Status >= 500) && request.IsRetrySafe;
    }
}
