using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Klinky.Testing;

/// <summary>
/// A tiny HTTP forward proxy on 127.0.0.1, as corporate proxies behave for <c>http://</c> targets: it takes
/// absolute-form requests (<c>GET http://host:port/path HTTP/1.1</c>), forwards them to their origin and relays the
/// answer, counting what it forwarded. With <see cref="RequireCredentials"/> it answers 407 to any request without
/// the matching Basic <c>Proxy-Authorization</c>, like a proxy that demands authentication. One connection carries
/// one request (it answers <c>Connection: close</c>), which keeps the relay simple and every request countable.
/// </summary>
public sealed class LocalForwardProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private readonly ConcurrentQueue<string> _forwarded = new();
    private readonly string? _expectedAuthorization;
    private int _rejected;

    private LocalForwardProxy(string? user, string? password)
    {
        _expectedAuthorization = user is null ? null : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Uri = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The proxy's address, e.g. <c>http://127.0.0.1:41234/</c>, without credentials.</summary>
    public Uri Uri { get; }

    /// <summary>The requests forwarded so far, as <c>METHOD absolute-uri</c>, in the order they arrived.</summary>
    public IReadOnlyList<string> Forwarded => _forwarded.ToArray();

    /// <summary>How many requests were answered 407 because the right credentials were missing.</summary>
    public int Rejected => Volatile.Read(ref _rejected);

    /// <summary>A proxy that forwards everything.</summary>
    public static LocalForwardProxy Start() => new(null, null);

    /// <summary>A proxy that forwards only requests carrying Basic credentials for <paramref name="user"/>; 407 otherwise.</summary>
    public static LocalForwardProxy RequireCredentials(string user, string password) => new(user, password);

    /// <summary>The forwarded requests whose target is <paramref name="origin"/> (e.g. an emulator's root URL).</summary>
    public int ForwardedTo(string origin)
    {
        var root = new Uri(origin).GetLeftPart(UriPartial.Authority);
        return Forwarded.Count(line => line.Split(' ')[1].StartsWith(root, StringComparison.OrdinalIgnoreCase));
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ObjectDisposedException or SocketException or OperationCanceledException)
        {
            // Stopping the listener ends the accept loop this way.
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            try
            {
                var head = await ReadHeadAsync(stream).ConfigureAwait(false);
                if (head is null)
                {
                    return;
                }

                var lines = head.Split(new[] { "\r\n" }, StringSplitOptions.None);
                var requestLine = lines[0].Split(' ');
                var headers = lines.Skip(1).Where(l => l.Length > 0)
                    .Select(l => (Name: l.Substring(0, l.IndexOf(':')).Trim(), Value: l.Substring(l.IndexOf(':') + 1).Trim()))
                    .ToList();
                string? Header(string name) => headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

                if (_expectedAuthorization is not null && Header("Proxy-Authorization") != _expectedAuthorization)
                {
                    Interlocked.Increment(ref _rejected);
                    // Like a real proxy's page, it echoes a request header: the client must never show the body.
                    var page = $"<html><body>407: no access for {Header("User-Agent")}</body></html>";
                    await WriteAsync(stream, $"HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"klinky-test-proxy\"\r\nContent-Type: text/html\r\nContent-Length: {Encoding.ASCII.GetByteCount(page)}\r\nConnection: close\r\n\r\n{page}").ConfigureAwait(false);
                    return;
                }

                if (requestLine.Length != 3 || !System.Uri.TryCreate(requestLine[1], UriKind.Absolute, out var target) || target.Scheme != "http")
                {
                    await WriteAsync(stream, "HTTP/1.1 501 Not Implemented\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").ConfigureAwait(false);
                    return;
                }

                var length = int.TryParse(Header("Content-Length"), out var n) ? n : 0;
                var body = new byte[length];
                await ReadExactlyAsync(stream, body).ConfigureAwait(false);
                _forwarded.Enqueue(requestLine[0] + " " + target.AbsoluteUri);
                await ForwardAsync(stream, requestLine[0], target, headers, body).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException)
            {
                // The client went away; nothing to answer.
            }
        }
    }

    private async Task ForwardAsync(NetworkStream client, string method, Uri target, List<(string Name, string Value)> headers, byte[] body)
    {
        using var origin = new TcpClient();
        await origin.ConnectAsync(target.Host, target.Port).ConfigureAwait(false);
        var upstream = origin.GetStream();
        var request = new StringBuilder().Append(method).Append(' ').Append(target.PathAndQuery).Append(" HTTP/1.1\r\n");
        foreach (var (name, value) in headers)
        {
            // Hop-by-hop headers stay here: the origin never sees the proxy's credentials.
            if (name.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase) || name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            request.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        request.Append("Connection: close\r\n\r\n");
        await WriteAsync(upstream, request.ToString()).ConfigureAwait(false);
        await upstream.WriteAsync(body, 0, body.Length).ConfigureAwait(false);

        // The answer's head is rewritten to Connection: close; its body is relayed as it comes until the origin closes.
        var head = await ReadHeadAsync(upstream).ConfigureAwait(false) ?? throw new IOException("the origin closed without answering");
        var kept = head.Split(new[] { "\r\n" }, StringSplitOptions.None)
            .Where(l => l.Length > 0 && !l.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase) && !l.StartsWith("Keep-Alive:", StringComparison.OrdinalIgnoreCase));
        await WriteAsync(client, string.Join("\r\n", kept) + "\r\nConnection: close\r\n\r\n").ConfigureAwait(false);
        await upstream.CopyToAsync(client).ConfigureAwait(false);
    }

    // Reads byte by byte up to the blank line, so nothing of the body is consumed with the head.
    private static async Task<string?> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (head.Length < 4 || head[^1] != '\n' || head[^2] != '\r' || head[^3] != '\n' || head[^4] != '\r')
        {
            if (await stream.ReadAsync(one, 0, 1).ConfigureAwait(false) == 0)
            {
                return head.Length == 0 ? null : throw new IOException("the connection closed inside a message head");
            }

            head.Append((char)one[0]);
        }

        return head.ToString(0, head.Length - 4);
    }

    private static async Task ReadExactlyAsync(NetworkStream stream, byte[] buffer)
    {
        for (var read = 0; read < buffer.Length;)
        {
            var n = await stream.ReadAsync(buffer, read, buffer.Length - read).ConfigureAwait(false);
            read += n == 0 ? throw new IOException("the connection closed inside a body") : n;
        }
    }

    private static Task WriteAsync(NetworkStream stream, string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        return stream.WriteAsync(bytes, 0, bytes.Length);
    }
}
