using Klinky.RateLimits;

namespace Klinky.Http;

/// <summary>What one attempt of one request came back with: an answer (status, capped body, headers) or no answer at all.</summary>
internal sealed class AttemptResult
{
    public int? Status { get; init; }

    public string Body { get; init; } = "";

    public RateLimitState? RateLimit { get; init; }

    public string? RetryAfter { get; init; }

    public string? Location { get; init; }

    /// <summary>Set when no answer came (connection refused, timeout): the failure to throw if the attempt is not repeated.</summary>
    public KlinkyTransportException? NoAnswer { get; init; }

    public bool IsSuccess => Status is >= 200 and < 300;
}
