using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using Flurl.Http;

namespace Klinky.Publishing.Http;

/// <summary>
/// One platform's REST connection over Flurl (Azure DevOps, GitLab): its own client (no process-wide Flurl settings),
/// the token header, JSON in and out, and the platform's rate limit sat out once when short. Every failure becomes a
/// <see cref="PublishingException"/> whose message the platform words (what to grant); the token is never in it.
/// </summary>
internal sealed class RestConnection : IDisposable
{
    private readonly FlurlClient _client;
    private readonly RestConnectionOptions _options;
    private int _waited;

    public RestConnection(RestConnectionOptions options)
    {
        _options = Check.NotNull(options, nameof(options));
        _client = new FlurlClient(new HttpClient { Timeout = TimeSpan.FromSeconds(100) });
        _client.Settings.AllowedHttpStatusRange = "*";
        _client.Headers.Add(options.AuthHeader, options.AuthValue);
        _client.Headers.Add("User-Agent", options.UserAgent);
        _client.Headers.Add("Accept", "application/json");
    }

    /// <summary>The JSON body (null when empty) and the response headers the caller pages by.</summary>
    public async Task<RestResponse> SendAsync(HttpMethod method, string url, JsonNode? body, string what, CancellationToken cancellationToken)
    {
        while (true)
        {
            var request = _client.Request(url);
            using var content = body is null ? null : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = (await Send(request, method, content, what, cancellationToken).ConfigureAwait(false)).ResponseMessage;
            var text = response.Content is null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
            {
                return new RestResponse(text.Length == 0 ? null : JsonNode.Parse(text), response.Headers.Concat(response.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                    .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));
            }

            if (status == 429 || (status == 503 && response.Headers.RetryAfter is not null))
            {
                var wait = RetryAfter(response);
                // One short wait per run: a second limit, or a long one, is reported so the job does not hang.
                if (wait is { } w && w <= _options.MaxRateLimitWait && Interlocked.Exchange(ref _waited, 1) == 0)
                {
                    await _options.Time.Delay(w, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw new PublishingRateLimitException(
                    $"{_options.Platform}'s API rate limit was reached while {what} ({status}){(wait is { } after ? $"; it asks to wait {after.TotalSeconds:0} s, longer than the run waits ({_options.MaxRateLimitWait.TotalSeconds:0} s)" : "")}",
                    _options.Platform, status, wait);
            }

            throw new PublishingException(_options.Describe(status, what, Detail(text)), _options.Platform, status);
        }
    }

    private async Task<IFlurlResponse> Send(IFlurlRequest request, HttpMethod method, HttpContent? content, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await request.SendAsync(method, content, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (FlurlHttpException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Flurl's message holds the URL (no token: that travels in a header); the exception type stays inside this class.
            throw new PublishingException($"{_options.Platform} could not be reached while {what}: {ex.InnerException?.Message ?? ex.Message}", _options.Platform, null, ex);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (response.Headers.RetryAfter?.Date is { } date)
        {
            var wait = date - _options.Time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        // GitLab also sends RateLimit-Reset (Unix seconds) with its 429.
        return response.Headers.TryGetValues("RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var reset)
            ? DateTimeOffset.FromUnixTimeSeconds(reset) - _options.Time.GetUtcNow()
            : null;
    }

    /// <summary>The platform's own words (Azure DevOps' and GitLab's error bodies both carry <c>message</c>), kept short.</summary>
    private static string Detail(string text)
    {
        try
        {
            var message = JsonNode.Parse(text)?["message"];
            var detail = message is JsonValue ? message.GetValue<string>() : message?.ToJsonString() ?? "";
            return detail.Length > 300 ? detail.Substring(0, 300) + "…" : detail;
        }
        catch (System.Text.Json.JsonException)
        {
            return "";
        }
    }

    public void Dispose() => _client.Dispose();
}
