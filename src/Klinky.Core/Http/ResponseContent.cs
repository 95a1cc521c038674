using Klinky.RateLimits;
using Klinky.Serialization;

namespace Klinky.Http;

/// <summary>
/// Reads a successful answer's body as the type asked for, and says precisely what was wrong with one that cannot be
/// (an HTML page from a proxy, truncated JSON, a missing required field, a body over the size cap).
/// </summary>
internal static class ResponseContent
{
    /// <exception cref="KlinkyInvalidResponseException">The body is empty, not JSON, not the expected shape, or lacks a required field.</exception>
    public static T Read<T>(KlinkyResponse response, RateLimitState? rateLimit)
    {
        T? value;
        try
        {
            value = string.IsNullOrWhiteSpace(response.Body) ? default : KlinkyJson.Deserialize<T>(response.Body);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw Invalid(response, $"{DescribeUnreadable(response.Body, ex)}; expected a {typeof(T).Name} object", rateLimit, ex);
        }

        if (value is null)
        {
            throw Invalid(response, $"an empty body; expected a {typeof(T).Name} object", rateLimit, null);
        }

        if (value is IRequiredFields { FirstMissing: { } missing })
        {
            throw Invalid(response, $"JSON without its required field '{missing}'", rateLimit, null);
        }

        return value;
    }

    public static KlinkyInvalidResponseException TooLarge(int status, string method, string url, long maxResponseSize, RateLimitState? rateLimit) =>
        Invalid(new KlinkyResponse(status, "", method, url), $"a body larger than the {DescribeSize(maxResponseSize)} the client accepts; no Klinky answer is that large, so the base URL probably points at another server", rateLimit, null);

    private static KlinkyInvalidResponseException Invalid(KlinkyResponse response, string what, RateLimitState? rateLimit, Exception? inner) =>
        new($"Klinky answered {response.StatusCode} to {response.Method} {response.Url} with {what}.",
            new KlinkyCallInfo { Method = response.Method, Url = response.Url, StatusCode = response.StatusCode, RateLimit = rateLimit },
            inner);

    private static string DescribeUnreadable(string body, System.Text.Json.JsonException ex)
    {
        var trimmed = body.TrimStart();
        return trimmed.Length == 0 ? "an empty body"
            : trimmed[0] == '<' ? "an HTML page instead of Klinky JSON (a proxy or gateway error?)"
            : ex.Path is { Length: > 1 } path ? $"JSON the client cannot read at {path}"
            : "a body that is not valid JSON (truncated, or not from Klinky?)";
    }

    private static string DescribeSize(long bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes} bytes";
}
