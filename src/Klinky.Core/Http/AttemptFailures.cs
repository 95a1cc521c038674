using Flurl.Http;

namespace Klinky.Http;

/// <summary>
/// Turns an attempt that will not be repeated into the Klinky exception to throw: no answer (a transport failure or a
/// timeout), a redirect the client does not follow, a rate limit, or an error status (through <see cref="ErrorMapper"/>).
/// Every text from outside goes through the <see cref="SecretRedactor"/>.
/// </summary>
internal sealed class AttemptFailures
{
    private readonly SecretRedactor _redactor;
    private readonly string _baseUrl;
    private readonly TimeProvider _time;

    public AttemptFailures(SecretRedactor redactor, string baseUrl, TimeProvider time)
    {
        _redactor = redactor;
        _baseUrl = baseUrl;
        _time = time;
    }

    public KlinkyException Classify(KlinkyRequest request, string url, AttemptResult result)
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
                $"Klinky answered {status} to {method} {url}, a redirect to {_redactor.Redact(result.Location ?? "(no location)")}. The client does not follow redirects (they would carry the API key to another host): set the base URL to where the API now lives.",
                new KlinkyCallInfo { Method = method, Url = url, StatusCode = status, RateLimit = result.RateLimit });
        }

        return status == 429
            ? ErrorMapper.RateLimited(method, url, _redactor.Redact(result.Body), result.RateLimit, RateLimitHeaders.ReadRetryAfter(result.RetryAfter, _time.GetUtcNow()), _time.GetUtcNow())
            : ErrorMapper.FromStatus(status, method, url, _redactor.Redact(result.Body), result.RateLimit, request.OptionalRoute ? null : _redactor.Redact(_baseUrl));
    }

    /// <summary>The failure of an attempt that got no answer; <paramref name="timeout"/> is the per-attempt limit, named in the message.</summary>
    public KlinkyTransportException NoAnswer(Exception ex, string method, string url, RateLimits.RateLimitState? rateLimit, TimeSpan? timeout)
    {
        var call = new KlinkyCallInfo { Method = method, Url = url, RateLimit = rateLimit };
        if (ex is FlurlHttpTimeoutException or TimeoutException)
        {
            return new KlinkyTimeoutException($"Klinky at {_redactor.Redact(_baseUrl)} did not answer {method} {url} in time (timeout {timeout?.TotalSeconds:0.#} s).", call, null);
        }

        // The socket-level cause is kept, Flurl's own exception is not: it holds the request message, whose headers carry the key.
        var cause = ex is FlurlHttpException ? ex.InnerException : ex;
        var reason = _redactor.Redact(cause?.Message ?? ex.Message);
        return new KlinkyTransportException($"Could not reach Klinky at {_redactor.Redact(_baseUrl)} ({method} {url}): {reason}", call, cause);
    }
}
