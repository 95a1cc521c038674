using Flurl.Http;
using Klinky.RateLimits;

namespace Klinky.Http;

/// <summary>
/// The one place that speaks HTTP to Klinky. One call is a loop over named policies, after Azure.Core's retry policy:
/// the <see cref="BudgetWait"/> step, one attempt, and on a failure the <see cref="ResponseClassifier"/> ("send it
/// again?"), the <see cref="DelayStrategy"/> ("after how long?") or <see cref="AttemptFailures"/> ("which exception?").
/// The URL is the request's own (<see cref="KlinkyRequest.ToUrl"/>), the body's reading <see cref="ResponseContent"/>'s.
/// </summary>
internal sealed class KlinkyPipeline : IDisposable
{
    private readonly IFlurlClient _flurl;
    private readonly KlinkyRetryOptions _retry;
    private readonly Action<KlinkyRequestLog>? _onRequest;
    private readonly RetryWaits _waits;
    private readonly BudgetWait _budget;
    private readonly ResponseClassifier _classifier = ResponseClassifier.Default;
    private readonly DelayStrategy _delays;
    private readonly AttemptFailures _failures;
    private readonly long _maxResponseSize;
    private long _requestsSent;
    private RateLimitState? _rateLimit;

    public KlinkyPipeline(KlinkyClientOptions options)
    {
        BaseUrl = KlinkyBaseUrl.Normalize(options.BaseUrl, options.ApiKey);
        _retry = ClientSetup.CopyRetry(options.Retry);
        var time = options.TimeProvider ?? TimeProvider.System;
        _onRequest = options.OnRequest;
        Secret = string.IsNullOrEmpty(options.ApiKey) ? null : options.ApiKey;
        Redactor = new SecretRedactor(Secret);
        _waits = new RetryWaits(time, options.OnWait);
        _budget = new BudgetWait(_retry, time, _waits);
        _delays = new DelayStrategy(_retry, time);
        _failures = new AttemptFailures(Redactor, BaseUrl, time);
        _maxResponseSize = options.MaxResponseSize;
        MissingRoutes = new RouteMemory(time);
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

    public async Task<T> SendAsync<T>(KlinkyRequest request, CancellationToken cancellationToken) =>
        ResponseContent.Read<T>(await SendAsync(request, cancellationToken).ConfigureAwait(false), RateLimit);

    /// <summary>One page of a listing, with the page and size that were asked filled in where the server did not echo them.</summary>
    public async Task<PagedResult<T>> SendPageAsync<T>(KlinkyRequest request, int page, int perPage, CancellationToken cancellationToken) =>
        (await SendAsync<Paging.PageBody<T>>(request, cancellationToken).ConfigureAwait(false)).AsRequested(page, perPage);

    public async Task<KlinkyResponse> SendAsync(KlinkyRequest request, CancellationToken cancellationToken)
    {
        var url = request.ToUrl(BaseUrl);
        var shownUrl = Redactor.Redact(url);
        var serverSaidWhen = false;
        for (var attempt = 1; ; attempt++)
        {
            // After waiting out a 429's Retry-After the server has said when to come back: its headers still say 0 left.
            if (!request.ExemptFromBudget && !serverSaidWhen)
            {
                await _budget.WaitAsync(RateLimit, request.Method.Method, shownUrl, attempt, cancellationToken).ConfigureAwait(false);
            }

            var result = await SendOnceAsync(request, url, shownUrl, attempt, cancellationToken).ConfigureAwait(false);
            if (result.IsSuccess)
            {
                return new KlinkyResponse(result.Status!.Value, result.Body, request.Method.Method, shownUrl);
            }

            var wait = attempt <= _retry.MaxRetries && _classifier.IsRetriable(request, result) ? _delays.NextDelay(result, attempt) : null;
            if (wait is null)
            {
                throw _failures.Classify(request, shownUrl, result);
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
                throw ResponseContent.TooLarge(response.StatusCode, method, shownUrl, _maxResponseSize, RateLimit);
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

            var failure = _failures.NoAnswer(ex, method, shownUrl, RateLimit, _flurl.Settings.Timeout);
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

    private void Log(string method, string url, int? status, TimeSpan elapsed, int attempt, string? error) =>
        _onRequest?.Invoke(new KlinkyRequestLog { Method = method, Url = url, StatusCode = status, Elapsed = elapsed, Attempt = attempt, RateLimit = RateLimit, Error = error });
}
