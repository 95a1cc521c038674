using System.Net;
using System.Text;
using System.Text.Json;

namespace Klinky.Http;

/// <summary>
/// Sits under the client's HTTP handler and turns a proxy's 407 into one answer the error mapper reads: the proxy's
/// own body (an HTML page that may echo request headers) is replaced by a sentence naming the proxy by its address
/// without credentials. A 407 to an https:// target comes as .NET's tunnel exception, whose message holds the proxy's
/// address as configured, user-info included; it becomes the same 407 answer, so neither form ever shows credentials.
/// </summary>
internal sealed class ProxyAuthenticationCheck : DelegatingHandler
{
    private readonly IWebProxy? _proxy;

    public ProxyAuthenticationCheck(HttpMessageHandler inner, IWebProxy? proxy) : base(inner)
    {
        _proxy = proxy;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (IsTunnelRefusal(ex))
        {
            return Refused(request);
        }

        if ((int)response.StatusCode != 407)
        {
            return response;
        }

        response.Dispose();
        return Refused(request);
    }

    // The tunnel exception carries no status code (netstandard2.0 has none, and .NET sets none for it): its message,
    // "The proxy tunnel request to proxy '...' failed with status code '407'.", is the only signal.
    private static bool IsTunnelRefusal(HttpRequestException ex) =>
        ex.Message.IndexOf("'407'", StringComparison.Ordinal) >= 0 && ex.Message.IndexOf("proxy", StringComparison.OrdinalIgnoreCase) >= 0;

    private HttpResponseMessage Refused(HttpRequestMessage request)
    {
        var proxy = ProxyFor(request.RequestUri);
        var named = proxy is null ? "the proxy" : "the proxy " + EnvironmentProxy.WithoutUserInfo(proxy);
        var hasCredentials = proxy is not null && (_proxy ?? DefaultProxy())?.Credentials?.GetCredential(EnvironmentProxy.WithoutUserInfo(proxy), "Basic") is not null;
        var detail = hasCredentials
            ? $"{named} refused the credentials it was given; check the proxy's user name and password"
            : $"{named} wants credentials and none are configured for it; give the proxy's user name and password";
        // "detail" for Klinky's error reader; "message" for GitHub's clients (Octokit's ApiException.Message).
        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["detail"] = detail, ["message"] = detail });
        return new HttpResponseMessage((HttpStatusCode)407)
        {
            RequestMessage = request,
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
    }

    private Uri? ProxyFor(Uri? destination)
    {
        var proxy = _proxy ?? DefaultProxy();
        if (proxy is null || destination is null)
        {
            return null;
        }

        var address = proxy.GetProxy(destination);
        return address is null || address == destination ? null : address;
    }

    /// <summary>Whether the platform's default proxy (Windows' settings, a PAC script) would carry the hosted API's requests.</summary>
    public static bool PlatformProxyInUse()
    {
        var probe = new Uri(KlinkyClientOptions.DefaultBaseUrl);
        var address = DefaultProxy()?.GetProxy(probe);
        return address is not null && address != probe;
    }

#if NET8_0_OR_GREATER
    private static IWebProxy? DefaultProxy() => HttpClient.DefaultProxy;
#else
    private static IWebProxy? DefaultProxy() => WebRequest.DefaultWebProxy;
#endif
}
