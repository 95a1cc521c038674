using System.Net.Sockets;

namespace Klinky.Emulator.Dashboard.Tests.Support;

/// <summary>
/// An HTTP client that reaches the emulator through a Unix socket: a real connection whose peer is not a loopback address (as
/// behind a reverse proxy), without binding anything but 127.0.0.1 to the network.
/// </summary>
public static class UnixSocketClient
{
    public static HttpClient Create(string socketPath)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri("http://klinky.internal/") };
    }

    public static string NewSocketPath() => Path.Combine(Path.GetTempPath(), $"klinky-dash-{Guid.NewGuid():N}.sock"[..30] + ".sock");
}
