using System.Net;
using System.Net.Sockets;

namespace Klinky.Emulator.Dashboard.Tests.Support;

/// <summary>
/// A byte relay from a port on 127.0.0.1 to an emulator's Unix socket, as a reverse proxy in front of it would be: a browser
/// can open <see cref="Uri"/>, and the emulator sees a peer that is not a loopback address.
/// </summary>
public sealed class UnixSocketBridge : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly string _socketPath;
    private readonly Task _accepting;

    public UnixSocketBridge(string socketPath)
    {
        _socketPath = socketPath;
        _listener.Start();
        Uri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = Task.Run(AcceptAsync);
    }

    public Uri Uri { get; }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            try
            {
                await upstream.ConnectAsync(new UnixDomainSocketEndPoint(_socketPath), _stop.Token);
                await using var server = new NetworkStream(upstream, ownsSocket: false);
                var browser = client.GetStream();
                var up = browser.CopyToAsync(server, _stop.Token);
                var down = server.CopyToAsync(browser, _stop.Token);
                await Task.WhenAny(up, down);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // One side closed: the relay of this connection ends.
            }
        }
    }
}
