using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Klinky.Emulator.Dashboard;

/// <summary>
/// Where the emulator can reach itself for a dashboard action that goes through its own API (a simulation's redirects and
/// conversions, a declared winner): the address the request came in on, or the first TCP address it listens on.
/// </summary>
internal static class SelfAddress
{
    public static Uri Of(HttpContext context)
    {
        var connection = context.Connection;
        if (connection.LocalIpAddress is { } local)
        {
            var host = local.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{local}]" : local.ToString();
            if (local.Equals(IPAddress.Any) || local.Equals(IPAddress.IPv6Any))
            {
                host = "127.0.0.1";
            }

            return new Uri($"{context.Request.Scheme}://{host}:{connection.LocalPort}/");
        }

        // A Unix socket: the first address on TCP instead.
        var addresses = context.RequestServices.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? Array.Empty<string>();
        var tcp = addresses.FirstOrDefault(a => !a.Contains("unix:", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException("The emulator listens on no TCP address it could call itself on.");
        return new Uri(tcp.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
    }
}
