using Klinky.RateLimits;

namespace Klinky.Http;

/// <summary>Turns a failed answer into the Klinky exception a caller can act on, with a message that says what happened.</summary>
internal static class ErrorMapper
{
    // baseUrlOfRequiredRoute: the client's base URL when the route is one every Klinky API has (a D or I row), else null.
    public static KlinkyException FromStatus(int status, string method, string url, string body, RateLimitState? rateLimit, string? baseUrlOfRequiredRoute = null)
    {
        var (detail, fieldErrors, description) = ErrorBodyReader.Read(body);
        var call = new KlinkyCallInfo { Method = method, Url = url, StatusCode = status, Detail = detail, RateLimit = rateLimit };
        var said = $"Klinky answered {status} to {method} {url}: {description}";
        if (baseUrlOfRequiredRoute is not null && IsNotKlinky(status, detail))
        {
            return new KlinkyBaseUrlException(
                $"{said}. The base URL {baseUrlOfRequiredRoute} does not look like a Klinky API (it has no such route); the base URL should end in /api/v1, e.g. {KlinkyClientOptions.DefaultBaseUrl}.",
                call);
        }

        return status switch
        {
            400 or 422 => new KlinkyValidationException(
                said,
                call,
                fieldErrors.Count > 0 ? fieldErrors : new[] { new KlinkyFieldError("request", detail ?? description) }),
            401 => new KlinkyAuthenticationException(said + ". Check the API key (X-API-Key).", call),
            403 => new KlinkyForbiddenException($"{said}. {KlinkyForbiddenException.PlanHint}", call),
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
        var call = new KlinkyCallInfo { Method = method, Url = url, StatusCode = 429, Detail = detail, RateLimit = rateLimit };
        return new KlinkyRateLimitException($"Klinky answered 429 to {method} {url}: {description}. {WhenItResets(resetsAt, now)}", call, retryAfter, resetsAt);
    }

    public static KlinkyRateLimitException BudgetSpent(string method, string url, RateLimitState known, TimeSpan wait)
    {
        var call = new KlinkyCallInfo { Method = method, Url = url, RateLimit = known };
        return new KlinkyRateLimitException(
            $"Not sent: the Klinky request budget is spent (0 of {known.Limit} left). {WhenItResets(known.ResetsAt, known.ResetsAt - wait)}",
            call,
            wait,
            known.ResetsAt);
    }

    // Klinky always explains a 404 in `detail` ("Link not found"); a framework's bare "Not Found", another server's page
    // or no detail at all on a route every Klinky API has means the request never reached Klinky's routes. A 405 on such
    // a route is never Klinky's.
    private static bool IsNotKlinky(int status, string? detail) =>
        status == 405 || (status == 404 && (detail is null || string.Equals(detail.Trim(), "Not Found", StringComparison.OrdinalIgnoreCase)));

    private static string WhenItResets(DateTimeOffset? resetsAt, DateTimeOffset now)
    {
        if (resetsAt is not { } at)
        {
            return "Try again later.";
        }

        return $"The budget resets at {ResetTime.Describe(at, now)}.";
    }
}
