using Flurl.Http;
using Klinky.RateLimits;
using Klinky.Serialization;

namespace Klinky.Http;

/// <summary>
/// The one place that speaks HTTP to Klinky. One call is a loop of small steps, after Azure.Core's retry policy:
/// wait for the budget, send one attempt, and on a failure either compute the next delay or classify it into the
/// Klinky exception to throw.
/// </summary>
internal sealed class KlinkyPipeline : IDisposable
{
    private readonly IFlurlClient _flurl;
    private readonly KlinkyRetryOptions _retry;
    private readonly TimeProvider _time;
    private readonly Action<KlinkyRequestLog>? _onRequest;
    private readonly RetryWaits _waits;
    private readonly long _maxResponseSize;
    private long _requestsSent;
    private RateLimitState? _rateLimit;

    public KlinkyPipeline(KlinkyClientOptions options)
    {
        BaseUrl = KlinkyBaseUrl.Normalize(options.BaseUrl, options.ApiKey);
        _retry = ClientSetup.CopyRetry(options.Retry);
        _time = options.TimeProvider ?? TimeProvider.System;
        _onRequest = options.OnRequest;
        Secret = string.IsNullOrEmpty(options.ApiKey) ? null : options.ApiKey;
        Redactor = new SecretRedactor(Secret);
        _waits = new RetryWaits(_retry, _time, options.OnWait);
        _maxResponseSize = options.MaxResponseSize;
        MissingRoutes = new RouteMemory(_time);
        _flurl = ClientSetup.CreateFlurlClient(options);
    }

    public string BaseUrl { get; }

    public SecretRedactor Redactor { get; }

    /// <summary>The API key, for redaction only: nothing the client shows may carry it.</summary>
    public string? Secret { get; }

    /// <summary>Routes the server answered it does not have (the stats P row), remembered by this client for a while.</summary>
    public RouteMemory MissingRoutes { get; }

    public long RequestsSent => Interlocked.Read(ref _requestsSent);

    public RateLimitState? RateLimit => Volatile.Read(ref _rateLimit);

    public async Task<T> SendAsync<T>(KlinkyRequest request, CancellationToken cancellationToken)
    {
        var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        T? value;
        try
        {
            value = string.IsNullOrWhiteSpace(response.Body) ? default : KlinkyJson.Deserialize<T>(response.Body);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw Invalid(response, $"{DescribeUnreadable(response.Body, ex)}; expected a {typeof(T).Name} object", ex);
        }

        if (value is null)
        {
            throw Invalid(response, $"an empty body; expected a {typeof(T).Name} object", null);
        }

        if (value is IRequiredFields { FirstMissing: { } missing })
        {
            throw Invalid(response, $"JSON without its required field '{missing}'", null);
        }

        return value;
    }

    /// <summary>One page of a listing, with the page and size that were asked filled in where the server did not echo them.</summary>
    public async Task<PagedResult<T>> SendPageAsync<T>(KlinkyRequest request, int page, int perPage, CancellationToken cancellationToken) =>
        (await SendAsync<Paging.PageBody<T>>(request, cancellationToken).ConfigureAwait(false)).AsRequested(page, perPage);

    public async Task<KlinkyResponse> SendAsync(KlinkyRequest request, CancellationToken cancellationToken)
    {
        var url = BuildUrl(request);
        var shownUrl = Redactor.Redact(url);
        var serverSaidWhen = false;
        for (var attempt = 1; ; attempt++)
        {
            // After waiting out a 429's Retry-After the server has said when to come back: its headers still say 0 left.
            if (!request.ExemptFromBudget && !serverSaidWhen)
            {
                await WaitForBudgetAsync(request.Method.Method, shownUrl, attempt, cancellationToken).ConfigureAwait(false);
            }

            var result = await SendOnceAsync(request, url, shownUrl, attempt, cancellationToken).ConfigureAwait(false);
            if (result.IsSuccess)
            {
                return new KlinkyResponse(result.Status!.Value, result.Body, request.Method.Method, shownUrl);
            }

            var wait = NextDelay(request, result, attempt);
            if (wait is null)
            {
                throw Classify(request, shownUrl, result);
            }

            await _waits.DelayAsync(wait, cancellationToken).ConfigureAwait(false);
            serverSaidWhen = wait.Reason == KlinkyWaitReason.RateLimited;
        }
    }

    public void Dispose() => _flurl.Dispose();

    private async Task<AttemptResult> SendOnceAsync(KlinkyRequest request, string url, string shownUrl, int attempt, CancellationToken cancellationToken)
    {
        var flurlRequest = _flurl.Request(url);
        if (request.IdempotencyKey is not null)
        {
            flurlRequest.WithHeader("Idempotency-Key", request.IdempotencyKey);
        }

        var method = request.Method.Method;
        var started = System.Diagnostics.Stopwatch.StartNew();
        if (!request.ExemptFromBudget)
        {
            Interlocked.Increment(ref _requestsSent);
        }

        try
        {
            // Headers first: the body is read under the size cap, never whole into memory when it is too large.
            using var response = await flurlRequest.SendAsync(request.Method, ClientSetup.CreateContent(request), HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var headers = response.ResponseMessage.Headers;
            var rateLimit = RateLimitHeaders.Read(name => headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null);
            if (rateLimit is not null)
            {
                Volatile.Write(ref _rateLimit, rateLimit);
            }

            var body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
            Log(method, shownUrl, response.StatusCode, started.Elapsed, attempt, null);
            if (body is null)
            {
                throw Invalid(new KlinkyResponse(response.StatusCode, "", method, shownUrl), $"a body larger than the {DescribeSize(_maxResponseSize)} the client accepts; no Klinky answer is that large, so the base URL probably points at another server", null);
            }

            return new AttemptResult
            {
                Status = response.StatusCode,
                Body = body,
                RateLimit = rateLimit,
                // Read only where they mean something: every header read allocates, on every call.
                RetryAfter = response.StatusCode == 429 && headers.TryGetValues("Retry-After", out var retryAfter) ? retryAfter.FirstOrDefault() : null,
                Location = response.StatusCode is >= 300 and < 400 ? headers.Location?.ToString() : null,
            };
        }
        catch (Exception ex) when (ex is FlurlHttpException or OperationCanceledException or TimeoutException or IOException or HttpRequestException)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                // The caller cancelled (Ctrl+C in a cmdlet or a build): that is not a transport failure. No inner
                // exception: Flurl's holds the request message, whose headers carry the key.
                throw new OperationCanceledException("The Klinky request was cancelled.", cancellationToken);
            }

            var failure = TransportFailure(ex, method, shownUrl);
            Log(method, shownUrl, null, started.Elapsed, attempt, Redactor.Redact(ex.InnerException?.Message ?? ex.Message));
            return new AttemptResult { NoAnswer = failure };
        }
    }

    // The body is read under the per-attempt timeout too: Flurl's covers only the headers when they are read first.
    private async Task<string?> ReadBodyAsync(IFlurlResponse response, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_flurl.Settings.Timeout is { } limit)
        {
            timeout.CancelAfter(limit);
        }

        try
        {
            return await ResponseBodyReader.ReadAsync(response.ResponseMessage.Content, _maxResponseSize, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("The answer's body did not arrive in time.");
        }
    }

    /// <summary>The wait before the next attempt, or null when the failure is final (Azure.Core's ShouldRetry and CalculateNextDelay).</summary>
    private KlinkyWaitNotice? NextDelay(KlinkyRequest request, AttemptResult result, int attempt)
    {
        if (attempt > _retry.MaxRetries)
        {
            return null;
        }

        if (result.Status == 429)
        {
            // A 429 was not processed, so any method is safe to send again once the window allows it.
            return ServerDelay(result) is { } wait && wait <= _retry.MaxRateLimitWait
                ? new KlinkyWaitNotice { Reason = KlinkyWaitReason.RateLimited, Delay = wait < TimeSpan.Zero ? TimeSpan.Zero : wait, NextAttempt = attempt + 1 }
                : null;
        }

        return (result.NoAnswer is not null || result.Status >= 500) && request.IsRetrySafe ? _waits.NextBackoff(attempt) : null;
    }

    // Retry-After, else the budget's reset (Azure.Core's GetServerDelay).
    private TimeSpan? ServerDelay(AttemptResult result) =>
        RateLimitHeaders.ReadRetryAfter(result.RetryAfter, _time.GetUtcNow())
        ?? (result.RateLimit is { } known ? known.ResetsAt - _time.GetUtcNow() : null);

    private KlinkyException Classify(KlinkyRequest request, string url, AttemptResult result)
    {
        var method = request.Method.Method;
        if (result.NoAnswer is { } failure)
        {
            return failure;
        }

        var status = result.Status!.Value;
        if (status is >= 300 and < 400)
        {
            return new KlinkyException(
                $"Klinky answered {status} to {method} {url}, a redirect to {Redactor.Redact(result.Location ?? "(no location)")}. The client does not follow redirects (they would carry the API key to another host): set the base URL to where the API now lives.",
                new KlinkyCallInfo { Method = method, Url = url, StatusCode = status, RateLimit = result.RateLimit });
        }

        return status == 429
            ? ErrorMapper.RateLimited(method, url, Redactor.Redact(result.Body), result.RateLimit, RateLimitHeaders.ReadRetryAfter(result.RetryAfter, _time.GetUtcNow()), _time.GetUtcNow())
            : ErrorMapper.FromStatus(status, method, url, Redactor.Redact(result.Body), result.RateLimit, request.OptionalRoute ? null : Redactor.Redact(BaseUrl));
    }

    private async Task WaitForBudgetAsync(string method, string url, int attempt, CancellationToken cancellationToken)
    {
        var known = RateLimit;
        var wait = known is { Remaining: 0 } ? known.ResetsAt - _time.GetUtcNow() : TimeSpan.Zero;
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        if (wait > _retry.MaxRateLimitWait)
        {
            throw ErrorMapper.BudgetSpent(method, url, known!, wait);
        }

        await _waits.DelayAsync(new KlinkyWaitNotice { Reason = KlinkyWaitReason.RateLimited, Delay = wait, NextAttempt = attempt }, cancellationToken).ConfigureAwait(false);
    }

    private string BuildUrl(KlinkyRequest request)
    {
        // One URL string, parsed once: Flurl re-parses on every AppendPathSegment, which showed in the overhead benchmark.
        var url = new System.Text.StringBuilder(BaseUrl.Length + 64).Append(BaseUrl);
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

    private KlinkyInvalidResponseException Invalid(KlinkyResponse response, string what, Exception? inner) =>
        new($"Klinky answered {response.StatusCode} to {response.Method} {response.Url} with {what}.",
            new KlinkyCallInfo { Method = response.Method, Url = response.Url, StatusCode = response.StatusCode, RateLimit = RateLimit },
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

    private KlinkyTransportException TransportFailure(Exception ex, string method, string url)
    {
        var call = new KlinkyCallInfo { Method = method, Url = url, RateLimit = RateLimit };
        if (ex is FlurlHttpTimeoutException or TimeoutException)
        {
            return new KlinkyTimeoutException($"Klinky at {Redactor.Redact(BaseUrl)} did not answer {method} {url} in time (timeout {_flurl.Settings.Timeout?.TotalSeconds:0.#} s).", call, null);
        }

        // The socket-level cause is kept, Flurl's own exception is not: it holds the request message, whose headers carry the key.
        var cause = ex is FlurlHttpException ? ex.InnerException : ex;
        var reason = Redactor.Redact(cause?.Message ?? ex.Message);
        return new KlinkyTransportException($"Could not reach Klinky at {Redactor.Redact(BaseUrl)} ({method} {url}): {reason}", call, cause);
    }

    private void Log(string method, string url, int? status, TimeSpan elapsed, int attempt, string? error) =>
        _onRequest?.Invoke(new KlinkyRequestLog { Method = method, Url = url, StatusCode = status, Elapsed = elapsed, Attempt = attempt, RateLimit = RateLimit, Error = error });
}
