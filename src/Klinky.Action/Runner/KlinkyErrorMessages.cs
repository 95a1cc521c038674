using System.Globalization;

namespace Klinky.Action.Runner;

/// <summary>Turns Klinky.Core's typed errors into one line a workflow author can act on.</summary>
internal static class KlinkyErrorMessages
{
    /// <param name="baseUrl">The <c>base-url</c> the run used: a wrong one is named by it, not by the route that failed.</param>
    public static string Describe(KlinkyException exception, DateTimeOffset now, string? baseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var detail = string.IsNullOrWhiteSpace(exception.Detail) ? exception.Message : exception.Detail;
        return exception switch
        {
            KlinkyAuthenticationException => $"Klinky rejected the API key (401: {detail}). Check the secret passed as 'api-key'.",
            KlinkyForbiddenException => $"Klinky refused the API key (403: {detail}). {KlinkyForbiddenException.PlanHint}",
            // Core's message quotes the request's URL, which may be a route the run chose itself (the stats fallback's
            // clicks export): the user set only 'base-url', so that is what the message names.
            KlinkyBaseUrlException => $"The base URL {baseUrl ?? "given"} does not look like a Klinky API: it answered {exception.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "an error"} on a route every Klinky API has. Set the 'base-url' input to the API's base, which should end in /api/v1, e.g. {KlinkyClientOptions.DefaultBaseUrl}.",
            KlinkyRateLimitException rateLimited => RateLimited(rateLimited, detail, now),
            KlinkyNotFoundException => $"Klinky link not found ({detail}).",
            KlinkyProxyAuthenticationException => exception.Message + " Give the proxy's credentials as http://user:password@host:port in HTTPS_PROXY/HTTP_PROXY (from a secret), or list the Klinky host in NO_PROXY.",
            _ => $"Klinky request failed: {exception.Message}",
        };
    }

    private static string RateLimited(KlinkyRateLimitException exception, string detail, DateTimeOffset now)
    {
        var resetsAt = exception.ResetsAt ?? (exception.RetryAfter is { } wait ? now + wait : null);
        if (resetsAt is null)
        {
            return $"Klinky rate limit exceeded ({detail}).";
        }

        var minutes = Math.Max(1, (int)Math.Ceiling((resetsAt.Value - now).TotalMinutes));
        var at = resetsAt.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return $"Klinky rate limit exceeded ({detail}). The hourly budget resets at {at} UTC (in about {minutes} min); re-run the job then.";
    }
}
