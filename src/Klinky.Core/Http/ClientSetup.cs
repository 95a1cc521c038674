using System.Net;

namespace Klinky.Http;

/// <summary>What a client decides once, when it is built: its HTTP handler and its base URL.</summary>
internal static class ClientSetup
{
    /// <summary>
    /// The handler of a client: through <paramref name="proxy"/> when one is given, else through the proxy that
    /// <c>HTTPS_PROXY</c>/<c>HTTP_PROXY</c>/<c>NO_PROXY</c> name (read here, once, on every target), else through the
    /// platform's default proxy (Windows' system settings; none on Linux without the variables).
    /// </summary>
    public static HttpMessageHandler CreateHandler(IWebProxy? proxy)
    {
        // No automatic decompression: Klinky's answers are small JSON, and it measurably slowed every call.
        var handler = new HttpClientHandler { AllowAutoRedirect = false };
        if (System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal))
        {
            // Windows PowerShell 5.1 and Visual Studio's MSBuild may still default to SSL3/TLS 1.0 on .NET Framework.
            handler.SslProtocols = System.Security.Authentication.SslProtocols.Tls12;
        }

        proxy = ResolveProxy(proxy);
        if (proxy is not null)
        {
            handler.Proxy = proxy;
            handler.UseProxy = true;
        }

        // The 407 check is one more step on every request: only a client that can meet a proxy gets it.
        return proxy is not null || ProxyAuthenticationCheck.PlatformProxyInUse() ? new ProxyAuthenticationCheck(handler, proxy) : handler;
    }

    /// <summary>The proxy a client of another API (the action's Octokit) should use, by the same rules as Klinky's client.</summary>
    public static IWebProxy? ResolveProxy(IWebProxy? configured) => configured ?? EnvironmentProxy.Read(Environment.GetEnvironmentVariable);

    /// <summary>Wraps another API's handler in the same 407 check, so a refusing proxy is named the same way.</summary>
    public static HttpMessageHandler WithProxyCheck(HttpMessageHandler inner, IWebProxy? proxy) => new ProxyAuthenticationCheck(inner, proxy);

    public static string NormalizeBaseUrl(string? baseUrl, string? apiKey)
    {
        var value = string.IsNullOrWhiteSpace(baseUrl) ? KlinkyClientOptions.DefaultBaseUrl : baseUrl!.Trim();
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            // Swapped arguments put the key here: never echo it.
            var shown = !string.IsNullOrEmpty(apiKey) && value.IndexOf(apiKey, StringComparison.Ordinal) >= 0 ? "[redacted]" : value;
            throw new KlinkyValidationException(new[] { new KlinkyFieldError("base_url", $"'{shown}' is not an absolute http(s) URL") });
        }

        return value.TrimEnd('/');
    }
}
