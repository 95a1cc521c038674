using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Klinky.Publishing.GitHub;

/// <summary>
/// Sits under Octokit and recognises GitHub's rate limits as GitHub documents them ("Rate limits for the REST API"):
/// a 403 or 429 with <c>Retry-After</c>, with <c>x-ratelimit-remaining: 0</c> (then <c>x-ratelimit-reset</c> says
/// when), or with a "rate limit" / "abuse" message and neither header (then wait at least a minute). A short wait is
/// sat out ONCE per run and the request sent again; a longer one, or a second limit, becomes a
/// <see cref="GitHubRateLimitException"/> carrying the reset time. A 403 without those signs ("Resource not accessible
/// by integration") is passed on untouched: that one is a permission.
/// </summary>
public sealed class GitHubRateLimitHandler : DelegatingHandler
{
    /// <summary>GitHub: "If there is no retry-after or x-ratelimit-remaining header, wait at least one minute".</summary>
    public static readonly TimeSpan UnspecifiedWait = TimeSpan.FromMinutes(1);

    private readonly TimeSpan _maxWait;
    private readonly TimeProvider _time;
    private readonly Action<string> _onWait;
    private int _waited;

    public GitHubRateLimitHandler(TimeSpan maxWait, TimeProvider time, Action<string> onWait, HttpMessageHandler inner)
        : base(inner)
    {
        _maxWait = maxWait;
        _time = time;
        _onWait = onWait;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        while (true)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var limit = await ClassifyAsync(response, _time.GetUtcNow(), cancellationToken);
            if (limit is null)
            {
                return response;
            }

            var (resetsAt, message) = limit.Value;
            var wait = resetsAt - _time.GetUtcNow();
            var status = (int)response.StatusCode;
            response.Dispose();
            if (wait > _maxWait || Interlocked.Exchange(ref _waited, 1) == 1)
            {
                throw new GitHubRateLimitException(status, message, resetsAt, _maxWait);
            }

            // Octokit's request content is a buffered string, so the same message can be sent again.
            _onWait($"GitHub's API rate limit was reached ({status}: {message}); waiting {Math.Max(0, wait.TotalSeconds):0} s once, then trying again.");
            if (wait > TimeSpan.Zero)
            {
                await _time.Delay(wait, cancellationToken);
            }
        }
    }

    /// <summary>When the limit lifts and GitHub's message, or null when the response is not a rate limit.</summary>
    internal static async Task<(DateTimeOffset ResetsAt, string Message)?> ClassifyAsync(HttpResponseMessage response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (response.StatusCode is not (HttpStatusCode.Forbidden or (HttpStatusCode)429))
        {
            return null;
        }

        var message = await MessageAsync(response, cancellationToken);
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return (now + delta, message);
        }

        if (retryAfter?.Date is { } date)
        {
            return (date, message);
        }

        if (Header(response, "x-ratelimit-remaining") == "0")
        {
            return long.TryParse(Header(response, "x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)
                ? (DateTimeOffset.FromUnixTimeSeconds(epoch), message)
                : (now + UnspecifiedWait, message);
        }

        var saysRateLimit = message.Contains("rate limit", StringComparison.OrdinalIgnoreCase) || message.Contains("abuse", StringComparison.OrdinalIgnoreCase);
        return response.StatusCode == (HttpStatusCode)429 || saysRateLimit ? (now + UnspecifiedWait, message) : null;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private static async Task<string> MessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Buffered, so Octokit still reads the body when the response is passed on.
        await response.Content.LoadIntoBufferAsync();
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String
                ? m.GetString() ?? ""
                : "";
        }
        catch (JsonException)
        {
            return text.Length > 200 ? text.Substring(0, 200) : text;
        }
    }
}
