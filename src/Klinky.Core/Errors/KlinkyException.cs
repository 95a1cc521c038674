using Klinky.RateLimits;

namespace Klinky;

/// <summary>
/// Base of every error the Klinky client raises. Carries what a caller needs to act or to report:
/// the HTTP status (null when no answer came), the server's <c>detail</c>, the method and URL of the call
/// and the rate-limit state. Never the API key: it travels in a header the client never echoes.
/// </summary>
public class KlinkyException : Exception
{
    public KlinkyException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    public KlinkyException(string message, KlinkyCallInfo call, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = call.StatusCode;
        Detail = call.Detail;
        Method = call.Method;
        Url = call.Url;
        RateLimit = call.RateLimit;
    }

    /// <summary>HTTP status of the answer, or null when there was none (validation, transport).</summary>
    public int? StatusCode { get; }

    /// <summary>The server's <c>detail</c>, flattened to one line when it came in FastAPI's list form.</summary>
    public string? Detail { get; }

    public string? Method { get; }

    public string? Url { get; }

    public RateLimitState? RateLimit { get; }
}
