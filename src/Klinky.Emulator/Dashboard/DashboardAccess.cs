using System.Net;

namespace Klinky.Emulator.Dashboard;

/// <summary>
/// Who may see the dashboard without a key: a peer on a loopback address that also named a loopback host. The host check keeps
/// a web page on another site from reaching the dashboard through DNS rebinding (its name resolving to 127.0.0.1); a Unix
/// socket or any other address (a proxy in front, another machine) is remote.
/// </summary>
internal static class DashboardAccess
{
    public static bool IsLocal(IPAddress? remote, HostString host)
    {
        if (remote is null)
        {
            return false;
        }

        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }

        return IPAddress.IsLoopback(remote) && IsLoopbackHost(host.Host);
    }

    private static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>
    /// True when a write comes from another site: the browser's fetch metadata says so, or its Origin is not this one. Browsers
    /// send at least one of them on every cross-site POST; a request without either is not a browser's and carries no cookie
    /// a browser would have added.
    /// </summary>
    public static bool IsCrossSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && !site.Equals("same-origin", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && !origin.Equals(request.Scheme + "://" + request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
