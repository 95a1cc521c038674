using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Klinky.Emulator.Tests.Support;

/// <summary>A loopback HTTP listener registered as a webhook of one workspace; removed again on dispose.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _api;
    private string? _subscriptionId;

    private WebhookReceiver(HttpClient api, int port)
    {
        _api = api;
        Url = $"http://127.0.0.1:{port}/hook";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
    }

    public string Url { get; }

    /// <summary>Starts a listener and registers it for <paramref name="events"/>; returns the registration's answer too.</summary>
    public static async Task<(WebhookReceiver Receiver, HttpStatusCode Status, string Body)> RegisterAsync(HttpClient api, string secret, params string[] events)
    {
        var receiver = new WebhookReceiver(api, FreePort());
        using var response = await api.PostAsJsonAsync("api/v1/public/webhooks", new { url = receiver.Url, secret, events });
        var body = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode)
        {
            receiver._subscriptionId = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();
        }

        return (receiver, response.StatusCode, body);
    }

    /// <summary>A listener that no workspace registered: where a redirected delivery must never arrive.</summary>
    public static WebhookReceiver Unregistered(HttpClient api) => new(api, FreePort());

    /// <summary>
    /// The next delivery: its body and <c>X-Klinky-Signature</c>, answered with <paramref name="status"/> (204: accepted),
    /// and with <paramref name="location"/> as its <c>Location</c> header when given.
    /// </summary>
    public async Task<(string Body, string Signature)> ReceiveAsync(TimeSpan timeout, int status = 204, string? location = null)
    {
        var context = await _listener.GetContextAsync().WaitAsync(timeout);
        string body;
        using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        var signature = context.Request.Headers["X-Klinky-Signature"] ?? string.Empty;
        context.Response.StatusCode = status;
        if (location is not null)
        {
            context.Response.RedirectLocation = location;
        }

        context.Response.Close();
        return (body, signature);
    }

    public async ValueTask DisposeAsync()
    {
        if (_subscriptionId is not null)
        {
            using var _ = await _api.DeleteAsync($"api/v1/public/webhooks/{_subscriptionId}");
        }

        _listener.Stop();
        _listener.Close();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
