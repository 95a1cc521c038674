using System.Diagnostics;
using System.Reflection;
using System.Text;
using Flurl.Http;
using Klinky.RateLimits;
using Klinky.Serialization;

namespace Klinky.Http;

/// <summary>
/// The one place that speaks HTTP to Klinky: sends through Flurl, reads the rate-limit headers, waits out
/// rate limits, retries what is safe to retry, counts requests, and turns every failure into a Klinky exception.
/// </summary>
internal sealed class KlinkyPipeline : IDisposable
{
    private static readonly string ClientUserAgent = "Klinky.Core/" + (typeof(KlinkyPipeline).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0");

    private readonly IFlurlClient _flurl;
    private readonly KlinkyRetryOptions _retry;
    private readonly TimeProvider _time;
    private readonly Action<KlinkyRequestLog>? _onRequest;
    private readonly string? _apiKey;
    private readonly RetryWaits _waits;
    private long _requestsSent;
    private RateLimitState? _rateLimit;

    public KlinkyPipeline(KlinkyClientOptions options)
    {
        BaseUrl = ClientSetup.NormalizeBaseUrl(options.BaseUrl, options.ApiKey);
        // A copy: options are read once, so a caller changing its options object later cannot change a live client.
        var retry = options.Retry ?? new KlinkyRetryOptions();
        _retry = new KlinkyRetryOptions
        {
            MaxRetries = Math.Max(0, retry.MaxRetries),
            BaseDelay = retry.BaseDelay,
            MaxDelay = retry.MaxDelay,
            MaxRateLimitWait = retry.MaxRateLimitWait,
        };
        _time = options.TimeProvider ?? TimeProvider.System;
        _onRequest = options.OnRequest;
        _apiKey = string.IsNullOrEmpty(options.ApiKey) ? null : options.ApiKey;
        _waits = new RetryWaits(_retry, _time, options.OnWait);

        var handler = options.HttpMessageHandler ?? ClientSetup.CreateHandler(options.Proxy);
        var http = new HttpClient(handler, disposeHandler: options.HttpMessageHandler is null)
        {
            // Flurl enforces the per-attempt timeout; HttpClient's own would fire across retries.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };

        // Fixed headers live on the HttpClient, parsed once; Flurl would copy and re-validate them on every request.
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", string.IsNullOrWhiteSpace(options.UserAgent) ? ClientUserAgent : options.UserAgent + " " + ClientUserAgent);
        http.DefaultRequestHeaders.TryAddWithoutValidation("Accept", "application/json");
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            http.DefaultRequestHeaders.TryAddWithoutValidation("X-API-Key", options.ApiKey);
        }

        _flurl = new FlurlClient(http);
        _flurl.Settings.Timeout = options.Timeout;

        // Statuses are mapped to Klinky exceptions below. Set once on the client: per request it allocated a
        // settings dictionary on every call (about 1 KB of the core's overhead in the benchmark).
        _flurl.Settings.AllowedHttpStatusRange = "*";

        // Never follow a redirect: X-API-Key is not an Authorization header, so .NET would carry it to whatever host a
        // redirect names, and a redirected POST turns into a GET. A 3xx becomes an error that names the new location.
        _flurl.Settings.Redirects.Enabled = false;
    }

    public string BaseUrl { get; }

    public long RequestsSent => Interlocked.Read(ref _requestsSent);

    public RateLimitState? RateLimit => Volatile.Read(ref _rateLimit);

    public async Task<T> SendAsync<T>(KlinkyRequest request, CancellationToken cancellationToken)
    {
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var value = string.IsNullOrWhiteSpace(response.Body) ? default : KlinkyJson.Deserialize<T>(response.Body);
            return value ?? throw new System.Text.Json.JsonException("empty body");
        }
        catch (System.Text.Json.JsonException ex)
        {
            var call = new KlinkyCallInfo(response.Method, response.Url, response.StatusCode, null, RateLimit);
            throw new KlinkyInvalidResponseException(
                $"Klinky answered {response.StatusCode} to {response.Method} {response.Url} with {DescribeUnreadable(response.Body, ex)}; expected a {typeof(T).Name} object.",
                call,
                ex);
        }
    }

    public async Task<KlinkyResponse> SendAsync(KlinkyRequest request, CancellationToken cancellationToken)
    {
        var waitedOutRateLimit = false;
        for (var attempt = 1; ; attempt++)
        {
            // After waiting out a 429's Retry-After the server has said when to come back: its headers still say 0 left.
            if (!request.ExemptFromBudget && !waitedOutRateLimit)
            {
                await WaitForBudgetAsync(request, attempt, cancellationToken).ConfigureAwait(false);
            }

            waitedOutRateLimit = false;

            var requestUrl = BuildUrl(request);
            var url = Redact(requestUrl);
            var flurlRequest = _flurl.Request(requestUrl);
            if (request.IdempotencyKey is not null)
            {
                flurlRequest.WithHeader("Idempotency-Key", request.IdempotencyKey);
            }

            var method = request.Method.Method;
            var started = Stopwatch.StartNew();
            IFlurlResponse? response = null;
            string body;
            try
            {
                Interlocked.Increment(ref _requestsSent);
                response = await flurlRequest.SendAsync(request.Method, CreateContent(request), HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
            }
            catch (FlurlHttpException) when (cancellationToken.IsCancellationRequested)
            {
                // The caller cancelled (Ctrl+C in a cmdlet or a build): that is not a transport failure. No inner
                // exception: Flurl's holds the request message, whose headers carry the key.
                throw new OperationCanceledException("The Klinky request was cancelled.", cancellationToken);
            }
            catch (FlurlHttpException ex)
            {
                Log(method, url, null, started.Elapsed, attempt, Redact(ex.InnerException?.Message ?? ex.Message));
                var failure = TransportFailure(ex, method, url);
                if (request.IsRetrySafe && attempt <= _retry.MaxRetries)
                {
                    await _waits.BackoffAsync(attempt, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw failure;
            }
            finally
            {
                started.Stop();
            }

            var status = response.StatusCode;
            var headers = response.ResponseMessage.Headers;
            var rateLimit = RateLimitHeaders.Read(name => headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null);
            if (rateLimit is not null)
            {
                Volatile.Write(ref _rateLimit, rateLimit);
            }

            Log(method, url, status, started.Elapsed, attempt, null);
            response.Dispose();
            if (status is >= 200 and < 300)
            {
                return new KlinkyResponse(status, body, method, url);
            }

            if (status is >= 300 and < 400)
            {
                var location = response.ResponseMessage.Headers.Location?.ToString();
                throw new KlinkyException(
                    $"Klinky answered {status} to {method} {url}, a redirect to {Redact(location ?? "(no location)")}. The client does not follow redirects (they would carry the API key to another host): set the base URL to where the API now lives.",
                    new KlinkyCallInfo(method, url, status, null, rateLimit));
            }

            if (status == 429)
            {
                var retryAfter = RateLimitHeaders.ReadRetryAfter(headers.TryGetValues("Retry-After", out var ra) ? ra.FirstOrDefault() : null, _time.GetUtcNow());
                var wait = retryAfter ?? (rateLimit is null ? (TimeSpan?)null : rateLimit.ResetsAt - _time.GetUtcNow());
                if (wait is { } w && w <= _retry.MaxRateLimitWait && attempt <= _retry.MaxRetries)
                {
                    // A 429 was not processed, so any method is safe to send again once the window allows it.
                    await _waits.DelayAsync(new KlinkyWaitNotice(KlinkyWaitReason.RateLimited, w < TimeSpan.Zero ? TimeSpan.Zero : w, attempt + 1), cancellationToken).ConfigureAwait(false);
                    waitedOutRateLimit = true;
                    continue;
                }

                throw ErrorMapper.RateLimited(method, url, Redact(body), rateLimit, retryAfter, _time.GetUtcNow());
            }

            if (status >= 500 && request.IsRetrySafe && attempt <= _retry.MaxRetries)
            {
                await _waits.BackoffAsync(attempt, cancellationToken).ConfigureAwait(false);
                continue;
            }

            throw ErrorMapper.FromStatus(status, method, url, Redact(body), rateLimit);
        }
    }

    public void Dispose() => _flurl.Dispose();

    private string BuildUrl(KlinkyRequest request)
    {
        // One URL string, parsed once: Flurl re-parses on every AppendPathSegment, which showed in the overhead benchmark.
        var url = new StringBuilder(BaseUrl.Length + 64).Append(BaseUrl);
        foreach (var segment in request.PathSegments)
        {
            // Escaped whole: an id such as "a/b" must stay one segment, never reach another route.
            url.Append('/').Append(Uri.EscapeDataString(segment));
        }

        var separator = '?';
        foreach (var pair in request.Query)
        {
            url.Append(separator).Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value));
            separator = '&';
        }

        return url.ToString();
    }

    private static string DescribeUnreadable(string body, System.Text.Json.JsonException ex)
    {
        var trimmed = body.TrimStart();
        return trimmed.Length == 0 ? "an empty body"
            : trimmed[0] == '<' ? "an HTML page instead of Klinky JSON (a proxy or gateway error?)"
            : ex.Path is { Length: > 1 } path ? $"JSON the client cannot read at {path}"
            : "a body that is not valid JSON (truncated, or not from Klinky?)";
    }

    private static Task<string> ReadBodyAsync(IFlurlResponse response, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return response.ResponseMessage.Content.ReadAsStringAsync(cancellationToken);
#else
        _ = cancellationToken;
        return response.ResponseMessage.Content.ReadAsStringAsync();
#endif
    }

    private static Flurl.Http.Content.CapturedStringContent? CreateContent(KlinkyRequest request) =>
        request.Body is null ? null : new Flurl.Http.Content.CapturedStringContent(KlinkyJson.Serialize(request.Body), "application/json; charset=utf-8");

    private async Task WaitForBudgetAsync(KlinkyRequest request, int attempt, CancellationToken cancellationToken)
    {
        var known = RateLimit;
        if (known is null || known.Remaining > 0)
        {
            return;
        }

        var wait = known.ResetsAt - _time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        if (wait > _retry.MaxRateLimitWait)
        {
            var url = Redact(BuildUrl(request));
            throw ErrorMapper.BudgetSpent(request.Method.Method, url, known, wait);
        }

        await _waits.DelayAsync(new KlinkyWaitNotice(KlinkyWaitReason.RateLimited, wait, attempt), cancellationToken).ConfigureAwait(false);
    }

    private KlinkyTransportException TransportFailure(FlurlHttpException ex, string method, string url)
    {
        var call = new KlinkyCallInfo(method, url, null, null, RateLimit);
        if (ex is FlurlHttpTimeoutException)
        {
            return new KlinkyTimeoutException($"Klinky at {Redact(BaseUrl)} did not answer {method} {url} in time (timeout {_flurl.Settings.Timeout?.TotalSeconds:0.#} s).", call, null);
        }

        // The socket-level cause is kept, Flurl's own exception is not: it holds the request message, whose headers carry the key.
        var reason = Redact(ex.InnerException?.Message ?? ex.Message);
        return new KlinkyTransportException($"Could not reach Klinky at {Redact(BaseUrl)} ({method} {url}): {reason}", call, ex.InnerException);
    }

    // The key travels only in a header, but a base URL, a proxy's message or a server's detail could still echo it:
    // nothing the client shows (logs, exception messages, details) may carry it.
    private string Redact(string text) =>
        _apiKey is null || text.IndexOf(_apiKey, StringComparison.Ordinal) < 0 ? text : text.Replace(_apiKey, "[redacted]");

    private void Log(string method, string url, int? status, TimeSpan elapsed, int attempt, string? error) =>
        _onRequest?.Invoke(new KlinkyRequestLog(method, url, status, elapsed, attempt, RateLimit, error));
}
