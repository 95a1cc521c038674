using System.Net;

namespace Klinky.Http;

/// <summary>
/// The proxy rules of every HTTP client the products build, Klinky's and another API's (Octokit in Klinky.Publishing):
/// an explicit proxy, else the one HTTPS_PROXY/HTTP_PROXY/NO_PROXY name; a refusing proxy's 407 named the same way.
/// Klinky.Publishing compiles this file in (shared source, with EnvironmentProxy, ProxyAuthenticationCheck and
/// ProcessEnvironment) rather than reaching into Core's internals: users of Core never call it.
/// </summary>
internal static class ProxyRules
{
    /// <summary>The proxy of a client: <paramref name="configured"/>, else the one the variables of <paramref name="environment"/> name.</summary>
    public static IWebProxy? Resolve(IWebProxy? configured, Func<string, string?> environment) => configured ?? EnvironmentProxy.Read(environment);

    /// <summary>As <see cref="Resolve(IWebProxy?, Func{string, string?})"/> from this process's variables (a GitHub client, built at a program's start).</summary>
    public static IWebProxy? Resolve(IWebProxy? configured) => Resolve(configured, ProcessEnvironment.Get);

    /// <summary>Wraps another API's handler in the same 407 check, so a refusing proxy is named the same way.</summary>
    public static HttpMessageHandler WithProxyCheck(HttpMessageHandler inner, IWebProxy? proxy) => new ProxyAuthenticationCheck(inner, proxy);
}
