using Klinky.RateLimits;

namespace Klinky;

/// <summary>What is known of one failed call, handed to the exception constructors.</summary>
public sealed class KlinkyCallInfo
{
    public string Method { get; init; } = "";

    public string Url { get; init; } = "";

    /// <summary>The answer's status, or null when none came.</summary>
    public int? StatusCode { get; init; }

    /// <summary>The server's <c>detail</c>, if it gave one.</summary>
    public string? Detail { get; init; }

    public RateLimitState? RateLimit { get; init; }
}
