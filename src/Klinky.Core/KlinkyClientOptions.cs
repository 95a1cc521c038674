using System.Net;
using Klinky.Http;

namespace Klinky;

/// <summary>Settings of a <see cref="KlinkyClient"/>, read once when the client is built.</summary>
public sealed class KlinkyClientOptions
{
    /// <summary>The hosted API.</summary>
    public const string DefaultBaseUrl = "https://klinky-api.fly.dev/api/v1";

    /// <summary>Base URL of the API, up to and including <c>/api/v1</c>.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The <c>X-API-Key</c>. Sent as a header only; never logged or put in an exception.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Time allowed for one attempt of one request.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public KlinkyRetryOptions Retry { get; set; } = new();

    /// <summary>The default of <see cref="MaxResponseSize"/>: 16 MB, far above any Klinky answer (a page of 100 clicks is about 30 KB).</summary>
    public const long DefaultMaxResponseSize = 16L * 1024 * 1024;

    /// <summary>
    /// The largest answer body the client reads, in bytes. A larger one fails with <see cref="KlinkyInvalidResponseException"/>
    /// before it is held in memory (a misconfigured proxy or a wrong base URL can answer with anything).
    /// </summary>
    public long MaxResponseSize { get; set; } = DefaultMaxResponseSize;

    /// <summary>Product token prepended to the client's own User-Agent, e.g. <c>Klinky.PowerShell/0.1.0</c>.</summary>
    public string? UserAgent { get; set; }

    /// <summary>
    /// The proxy to send through, with its credentials (<see cref="WebProxy"/>). When null, the client uses the proxy
    /// that <c>HTTPS_PROXY</c>/<c>HTTP_PROXY</c>/<c>NO_PROXY</c> name (read by the client itself on every target,
    /// .NET Framework included), else the platform's default proxy. <c>new WebProxy()</c> sends directly, whatever
    /// the environment says. A proxy's 407 becomes a <see cref="KlinkyProxyAuthenticationException"/>.
    /// </summary>
    public IWebProxy? Proxy { get; set; }

    /// <summary>
    /// Where the client reads <c>HTTPS_PROXY</c>, <c>HTTP_PROXY</c> and <c>NO_PROXY</c> when <see cref="Proxy"/> is null:
    /// the process's variables (<see cref="ProcessEnvironment"/>) unless set. Internal: it exists so tests pass their own
    /// environment instead of changing the process's.
    /// </summary>
    internal Func<string, string?>? Environment { get; set; }

    /// <summary>Replaces the HTTP handler (tests, custom TLS). The client does not dispose it.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>Clock for retry waits and rate-limit windows.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Called after every attempt with method, redacted URL, status, elapsed time and attempt number.</summary>
    public Action<KlinkyRequestLog>? OnRequest { get; set; }

    /// <summary>Called before the client waits (rate limit or backoff), so a surface can show progress.</summary>
    public Action<KlinkyWaitNotice>? OnWait { get; set; }
}
