using System.Globalization;
using Klinky.RateLimits;

namespace Klinky.Build.Diagnostics;

/// <summary>
/// Turns a Klinky.Core exception into the diagnostic a user can act on. Outages (no answer, 5xx, rate limit, timeout)
/// are warnings by default, since the build's own output is fine; answers that reject the request are errors.
/// </summary>
internal static class FailureReporter
{
    /// <param name="baseUrlSetting">The name the base URL was set by (<c>KlinkyBaseUrl</c> or <c>KLINKY_BASE_URL</c>): the one to fix.</param>
    public static void Report(TaskDiagnostics diagnostics, Exception exception, string slug, string baseUrl, string baseUrlSetting, string keyVariable)
    {
        var subject = $"Klinky could not create or update the link '{slug}'";
        switch (exception)
        {
            case KlinkyRateLimitException rateLimit:
                diagnostics.Outage(KlinkyDiagnostics.RateLimited, $"{subject}: {Spent(rateLimit.ResetsAt)} Re-run the build after that, or use a key with a larger plan.");
                break;
            case KlinkyTimeoutException or OperationCanceledException:
                diagnostics.Outage(KlinkyDiagnostics.Timeout, $"{subject}: {baseUrl} did not answer in time. Raise KlinkyTimeoutSeconds, or check the service's status.");
                break;
            case KlinkyTransportException transport:
                diagnostics.Outage(KlinkyDiagnostics.Unreachable, $"{subject}: {baseUrl} is unreachable ({transport.InnerException?.Message ?? transport.Message}). Check {baseUrlSetting} and the network.");
                break;
            case KlinkyAuthenticationException:
                diagnostics.Error(KlinkyDiagnostics.HttpFailure, $"{subject}: Klinky answered 401 ({Detail(exception)}). The key in the environment variable {keyVariable} is missing or wrong: set it to a valid key (klinky_live_...).");
                break;
            case KlinkyForbiddenException:
                diagnostics.Error(KlinkyDiagnostics.HttpFailure, $"{subject}: Klinky answered 403 ({Detail(exception)}). {KlinkyForbiddenException.PlanHint}");
                break;
            case KlinkyBaseUrlException wrongBase:
                // Not the items' fault: the request never reached a Klinky API. Core's message says what the base URL should be.
                diagnostics.Error(KlinkyDiagnostics.InvalidProperty, $"{subject}: {wrongBase.Message} Set {baseUrlSetting} to it.");
                break;
            case KlinkyProxyAuthenticationException:
                // Configuration, not an outage: the next build meets the same proxy.
                diagnostics.Error(KlinkyDiagnostics.ProxyRefused, $"{subject}: {exception.Message} Give the build the proxy's credentials as http://user:password@host:port in HTTPS_PROXY or HTTP_PROXY, or list the Klinky host in NO_PROXY.");
                break;
            case KlinkyServerException or KlinkyInvalidResponseException:
                diagnostics.Outage(KlinkyDiagnostics.HttpFailure, $"{subject}: Klinky answered {Status(exception)} ({Detail(exception)}). This is on the service's side; re-run the build later.");
                break;
            case KlinkyException klinky:
                diagnostics.Error(KlinkyDiagnostics.HttpFailure, $"{subject}: Klinky answered {Status(klinky)} ({Detail(klinky)}). Fix the KlinkyPreviewLink or KlinkyVariant items it names.");
                break;
            default:
                diagnostics.Error(KlinkyDiagnostics.HttpFailure, $"{subject}: {exception.GetType().Name}: {exception.Message}");
                break;
        }
    }

    /// <summary>The budget was read (free) and is spent: nothing was sent, and the links wait for the reset.</summary>
    public static void BudgetSpent(TaskDiagnostics diagnostics, IEnumerable<string> slugs, DateTimeOffset resetsAt) =>
        diagnostics.Outage(KlinkyDiagnostics.RateLimited, $"Klinky could not create or update the link{(slugs.Count() == 1 ? "" : "s")} '{string.Join("', '", slugs)}': {Spent(resetsAt)} Nothing was sent. Re-run the build after that, or use a key with a larger plan.");

    private static string Spent(DateTimeOffset? resetsAt) =>
        $"the API key's hourly request budget is spent; it resets at {(resetsAt is { } at ? ResetTime.Describe(at, DateTimeOffset.UtcNow) : "an unknown time")}.";

    private static string Status(Exception exception) =>
        exception is KlinkyException { StatusCode: { } status } ? status.ToString(CultureInfo.InvariantCulture) : "without a status";

    private static string Detail(Exception exception) =>
        exception is KlinkyException { Detail: { Length: > 0 } detail } ? detail : exception.Message;
}
