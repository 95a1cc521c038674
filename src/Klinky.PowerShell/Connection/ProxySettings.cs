using System.Management.Automation;
using System.Net;

namespace Klinky.PowerShell.Connection;

/// <summary>Turns Connect-Klinky's -Proxy, -ProxyCredential and -ProxyUseDefaultCredentials into the client's proxy.</summary>
internal static class ProxySettings
{
    /// <summary>The proxy to use, or null to leave the choice to Core (HTTPS_PROXY/HTTP_PROXY/NO_PROXY, else the system's).</summary>
    public static IWebProxy? From(ConnectKlinkyCommand command)
    {
        var proxy = command.Proxy;
        if (proxy is null)
        {
            if (command.ProxyCredential is not null || command.ProxyUseDefaultCredentials)
            {
                Fail(command, "ProxyCredential", "-ProxyCredential and -ProxyUseDefaultCredentials need -Proxy; for a proxy named by HTTPS_PROXY or HTTP_PROXY, give http://user:password@host:port there.", null);
            }

            return null;
        }

        if (!proxy.IsAbsoluteUri || (proxy.Scheme != Uri.UriSchemeHttp && proxy.Scheme != Uri.UriSchemeHttps) || proxy.Host.Length == 0)
        {
            Fail(command, "Proxy", $"'{Shown(proxy)}' is not an absolute http(s) URI such as http://proxy.example.com:3128.", Shown(proxy));
        }

        if (proxy.UserInfo.Length > 0)
        {
            // Never echoed: the user-info may hold the password.
            Fail(command, "Proxy", "the URI holds credentials; give them with -ProxyCredential instead, so they are kept as a secret.", null);
        }

        if (command.ProxyCredential is not null && command.ProxyUseDefaultCredentials)
        {
            Fail(command, "ProxyCredential", "-ProxyCredential and -ProxyUseDefaultCredentials cannot be used together.", null);
        }

        // Loopback goes through the proxy too on .NET; .NET Framework's WebProxy always sends loopback directly.
        return new WebProxy(proxy, BypassOnLocal: false)
        {
            UseDefaultCredentials = command.ProxyUseDefaultCredentials,
            Credentials = command.ProxyCredential?.GetNetworkCredential() ?? (command.ProxyUseDefaultCredentials ? CredentialCache.DefaultCredentials : null),
        };
    }

    private static string Shown(Uri proxy) => proxy.IsAbsoluteUri && proxy.UserInfo.Length > 0 ? Http.SecretRedactor.Mark : proxy.OriginalString;

    private static void Fail(PSCmdlet command, string parameter, string rule, object? target) =>
        command.ThrowTerminatingError(new ErrorRecord(
            new PSArgumentException($"Cannot validate argument on parameter '{parameter}': {rule}", parameter),
            Errors.KlinkyErrorIds.InvalidArgument,
            ErrorCategory.InvalidArgument,
            target));
}
