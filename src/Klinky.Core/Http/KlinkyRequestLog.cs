using Klinky.RateLimits;

namespace Klinky.Http;

/// <summary>One attempt of one request, for logging. The URL carries no secret; headers are never included.</summary>
public sealed record KlinkyRequestLog(string Method, string Url, int? StatusCode, TimeSpan Elapsed, int Attempt, RateLimitState? RateLimit, string? Error);
