using System.Net;

namespace Klinky.Http;

/// <summary>
/// The proxy named by <c>HTTPS_PROXY</c>/<c>HTTP_PROXY</c>/<c>NO_PROXY</c> (either case, lower case first as curl
/// reads them), read by the client itself on every target: .NET reads these variables on Linux and macOS, but
/// .NET Framework (Windows PowerShell 5.1, Visual Studio's MSBuild) never does, and one reading gives every surface the
/// same rules. Credentials in a variable's user-info go to the proxy as credentials, never into the address shown.
/// Loopback is proxied like any host unless <c>NO_PROXY</c> names it, as curl and .NET on Linux do.
/// </summary>
internal sealed class EnvironmentProxy : IWebProxy
{
    private readonly Uri? _http;
    private readonly Uri? _https;
    private readonly IReadOnlyList<string> _bypass;

    private EnvironmentProxy(Uri? http, Uri? https, IReadOnlyList<string> bypass, ICredentials? credentials)
    {
        _http = http;
        _https = https;
        _bypass = bypass;
        Credentials = credentials;
    }

    public ICredentials? Credentials { get; set; }

    /// <summary>The proxy the variables name, or null when neither <c>HTTP_PROXY</c> nor <c>HTTPS_PROXY</c> is set.</summary>
    public static EnvironmentProxy? Read(Func<string, string?> variable)
    {
        string? Value(string name) => NonEmpty(variable(name.ToLowerInvariant())) ?? NonEmpty(variable(name));
        var http = Value("HTTP_PROXY");
        var https = Value("HTTPS_PROXY");
        if (http is null && https is null)
        {
            return null;
        }

        var credentials = new CredentialCache();
        var httpUri = Parse("HTTP_PROXY", http, credentials);
        var httpsUri = Parse("HTTPS_PROXY", https, credentials);
        var bypass = (Value("NO_PROXY") ?? "").Split(',').Select(e => e.Trim()).Where(e => e.Length > 0).ToList();
        return new EnvironmentProxy(httpUri, httpsUri, bypass, credentials);
    }

    public Uri? GetProxy(Uri destination) =>
        IsBypassed(destination) ? destination : (destination.Scheme == Uri.UriSchemeHttps ? _https : _http);

    public bool IsBypassed(Uri host)
    {
        var proxy = host.Scheme == Uri.UriSchemeHttps ? _https : _http;
        return proxy is null || _bypass.Any(entry => Matches(entry, host));
    }

    /// <summary><c>*</c> is every host; <c>example.com</c> and <c>.example.com</c> are the domain and its subdomains; <c>:port</c> narrows.</summary>
    private static bool Matches(string entry, Uri destination)
    {
        if (entry == "*")
        {
            return true;
        }

        var host = entry;
        var colon = entry.LastIndexOf(':');
        if (colon > 0 && entry.IndexOf(']') < colon && int.TryParse(entry.Substring(colon + 1), out var port))
        {
            if (port != destination.Port)
            {
                return false;
            }

            host = entry.Substring(0, colon);
        }

        host = host.TrimStart('*').TrimStart('.').Trim('[', ']');
        var target = destination.Host.Trim('[', ']');
        return target.Equals(host, StringComparison.OrdinalIgnoreCase)
            || target.EndsWith("." + host, StringComparison.OrdinalIgnoreCase);
    }

    private static Uri? Parse(string name, string? value, CredentialCache credentials)
    {
        if (value is null)
        {
            return null;
        }

        // A bare host:port means http://, as curl reads it.
        var text = value.Contains("://") ? value : "http://" + value;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            // The value may carry a password: the message names the variable, never its value.
            throw new KlinkyValidationException(new[] { new KlinkyFieldError(name, "is not a proxy address (http://host:port, optionally http://user:password@host:port)") });
        }

        var address = WithoutUserInfo(uri);
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(new[] { ':' }, 2);
            var credential = new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
            credentials.Add(address, "Basic", credential);
        }

        return address;
    }

    /// <summary>A proxy's address as it may be shown: scheme, host and port, never user-info.</summary>
    public static Uri WithoutUserInfo(Uri proxy) => new(proxy.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) + "/");

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}
