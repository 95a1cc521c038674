using Klinky.RateLimits;

namespace Klinky.Http;

/// <summary>One attempt of one request, for logging. The URL carries no secret; headers are never included.</summary>
public sealed class KlinkyRequestLog
{
    public string Method { get; internal init; } = "";

    /// <summary>The URL with the API key redacted wherever it appeared.</summary>
    public string Url { get; internal init; } = "";

    /// <summary>The answer's status, or null when none came.</summary>
    public int? StatusCode { get; internal init; }

    public TimeSpan Elapsed { get; internal init; }

    /// <summary>1 for the first attempt, 2 for the first retry, and so on.</summary>
    public int Attempt { get; internal init; }

    public RateLimitState? RateLimit { get; internal init; }

    /// <summary>Why no answer came (redacted), or null.</summary>
    public string? Error { get; internal init; }
}
