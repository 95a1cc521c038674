using System.Net;
using Flurl.Http;
using Klinky.Serialization;

namespace Klinky.Http;

/// <summary>What a client decides once, when it is built: its HTTP handler, headers and retry settings.</summary>
internal static class ClientSetup
{
    private static readonly string ClientUserAgent = KlinkyUserAgent.ProductToken("Klinky.Core", typeof(ClientSetup).Assembly);

    public static IFlurlClient CreateFlurlClient(KlinkyClientOptions options)
    {
        var handler = options.HttpMessageHandler ?? CreateHandler(options.Proxy, options.Environment ?? ProcessEnvironment.Get);
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

        var flurl = new FlurlClient(http);
        flurl.Settings.Timeout = options.Timeout;

        // Statuses are mapped to Klinky exceptions by the pipeline. Set once on the client: per request it allocated a
        // settings dictionary on every call (about 1 KB of the core's overhead in the benchmark).
        flurl.Settings.AllowedHttpStatusRange = "*";

        // Never follow a redirect: X-API-Key is not an Authorization header, so .NET would carry it to whatever host a
        // redirect names, and a redirected POST turns into a GET. A 3xx becomes an error that names the new location.
        flurl.Settings.Redirects.Enabled = false;
        return flurl;
    }

    /// <summary>
    /// The handler of a client: through <paramref name="proxy"/> when one is given, else through the proxy that
    /// <c>HTTPS_PROXY</c>/<c>HTTP_PROXY</c>/<c>NO_PROXY</c> in <paramref name="environment"/> name (read once, on every
    /// target), else through the platform's default proxy (Windows' system settings; none on Linux without the variables).
    /// </summary>
    public static HttpMessageHandler CreateHandler(IWebProxy? proxy, Func<string, string?> environment)
    {
        // No automatic decompression: Klinky's answers are small JSON, and it measurably slowed every call.
        var handler = new HttpClientHandler { AllowAutoRedirect = false };
        if (System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
        {
            // Windows PowerShell 5.1 and Visual Studio's MSBuild may still default to SSL3/TLS 1.0 on .NET Framework.
            handler.SslProtocols = System.Security.Authentication.SslProtocols.Tls12;
        }

        proxy = ProxyRules.Resolve(proxy, environment);
        if (proxy is not null)
        {
            handler.Proxy = proxy;
            handler.UseProxy = true;
        }

        // The 407 check is one more step on every request: only a client that can meet a proxy gets it.
        return proxy is not null || ProxyAuthenticationCheck.PlatformProxyInUse() ? new ProxyAuthenticationCheck(handler, proxy) : handler;
    }

    /// <summary>A copy: options are read once, so a caller changing its options object later cannot change a live client.</summary>
    public static KlinkyRetryOptions CopyRetry(KlinkyRetryOptions? retry)
    {
        retry ??= new KlinkyRetryOptions();
        return new KlinkyRetryOptions
        {
            MaxRetries = Math.Max(0, retry.MaxRetries),
            BaseDelay = retry.BaseDelay,
            MaxDelay = retry.MaxDelay,
            MaxRateLimitWait = retry.MaxRateLimitWait,
        };
    }

    public static Flurl.Http.Content.CapturedStringContent? CreateContent(KlinkyRequest request) =>
        request.Body is null ? null : new Flurl.Http.Content.CapturedStringContent(KlinkyJson.Serialize(request.Body), "application/json; charset=utf-8");
}
