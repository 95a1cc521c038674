using Klinky.RateLimits;

namespace Klinky.Http;

/// <summary>Turns a failed answer into the Klinky exception a caller can act on, with a message that says what happened.</summary>
internal static class ErrorMapper
{
    public static KlinkyException FromStatus(int status, string method, string url, string body, RateLimitState? rateLimit)
    {
        var (detail, fieldErrors, description) = ErrorBodyReader.Read(body);
        var call = new KlinkyCallInfo(method, url, status, detail, rateLimit);
        var said = $"Klinky answered {status} to {method} {url}: {description}";
        return status switch
        {
            400 or 422 => new KlinkyValidationException(
                said,
                call,
                fieldErrors.Count > 0 ? fieldErrors : new[] { new KlinkyFieldError("request", detail ?? description) }),
            401 => new KlinkyAuthenticationException(said + ". Check the API key (X-API-Key).", call),
            403 => new KlinkyForbiddenException(said + ". The key's plan has no API access (Growth or Scale is needed).", call),
            404 => new KlinkyNotFoundException(said, call),
            409 => new KlinkyConflictException(said, call),
            407 => new KlinkyProxyAuthenticationException($"A proxy refused {method} {url} with 407 Proxy Authentication Required, so it never reached Klinky: {description}.", call),
            >= 500 => new KlinkyServerException(said, call),
            _ => new KlinkyException(said, call),
        };
    }

    public static KlinkyRateLimitException RateLimited(string method, string url, string body, RateLimitState? rateLimit, TimeSpan? retryAfter, DateTimeOffset now)
    {
        var (detail, _, description) = ErrorBodyReader.Read(body);
        var resetsAt = rateLimit?.ResetsAt ?? (retryAfter is { } r ? now + r : (DateTimeOffset?)null);
        var call = new KlinkyCallInfo(method, url, 429, detail, rateLimit);
        return new KlinkyRateLimitException($"Klinky answered 429 to {method} {url}: {description}. {WhenItResets(resetsAt, now)}", call, retryAfter, resetsAt);
    }

    public static KlinkyRateLimitException BudgetSpent(string method, string url, RateLimitState known, TimeSpan wait)
    {
        var call = new KlinkyCallInfo(method, url, null, null, known);
        return new KlinkyRateLimitException(
            $"Not sent: the Klinky request budget is spent (0 of {known.Limit} left). {WhenItResets(known.ResetsAt, known.ResetsAt - wait)}",
            call,
            wait,
            known.ResetsAt);
    }

    private static string WhenItResets(DateTimeOffset? resetsAt, DateTimeOffset now)
    {
        if (resetsAt is not { } at)
        {
            return "Try again later.";
        }

        var minutes = Math.Max(0, (int)Math.Ceiling((at - now).TotalMinutes));
        return $"The budget resets at {at.UtcDateTime:HH:mm:ss} UTC (in {minutes} min).";
    }
}
