namespace Klinky.Http;

/// <summary>One logical call: what the pipeline sends, retries and maps to results or exceptions.</summary>
internal sealed class KlinkyRequest
{
    public KlinkyRequest(HttpMethod method, params string[] pathSegments)
    {
        Method = method;
        PathSegments = pathSegments;
    }

    public HttpMethod Method { get; }

    public IReadOnlyList<string> PathSegments { get; }

    public List<KeyValuePair<string, string>> Query { get; } = new();

    public object? Body { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>Set where repeating the call cannot do anything twice (a conversion with an external id is deduplicated).</summary>
    public bool SafeToRepeat { get; init; }

    /// <summary>
    /// A route the hosted service may lack (a P row of the contract): its 404 or 405 may mean "not offered here",
    /// so it is never taken as proof of a wrong base URL.
    /// </summary>
    public bool OptionalRoute { get; init; }

    /// <summary>The rate-limit status route does not count against the budget, so a spent budget must not block it.</summary>
    public bool ExemptFromBudget { get; init; }

    // POST is safe to retry only with an Idempotency-Key: the server replays the first answer instead of creating twice.
    public bool IsRetrySafe => Method != HttpMethod.Post || IdempotencyKey is not null || SafeToRepeat;

    public KlinkyRequest With(string name, object? value)
    {
        if (value is not null)
        {
            Query.Add(new(name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!));
        }

        return this;
    }

    public KlinkyRequest With(string name, DateTimeOffset? value) =>
        With(name, value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The request's URL under <paramref name="baseUrl"/>: one string, built once per call.</summary>
    public string ToUrl(string baseUrl)
    {
        // One URL string, parsed once: Flurl re-parses on every AppendPathSegment, which showed in the overhead benchmark.
        var url = new System.Text.StringBuilder(baseUrl.Length + 64).Append(baseUrl);
        foreach (var segment in PathSegments)
        {
            // Escaped whole: an id such as "a/b" must stay one segment, never reach another route.
            url.Append('/').Append(Uri.EscapeDataString(segment));
        }

        var separator = '?';
        foreach (var pair in Query)
        {
            url.Append(separator).Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value));
            separator = '&';
        }

        return url.ToString();
    }
}
