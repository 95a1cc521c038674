using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Klinky.OrgSimulation;

/// <summary>
/// A reverse proxy in front of the emulator that counts what every client sent: the requests that spend the budget and
/// the 429 answers. The clients use it as their base URL, so nothing in them is changed for the simulation.
/// </summary>
public sealed class CountingProxy : IAsyncDisposable
{
    private static readonly string[] PassedHeaders = { "X-API-Key", "Idempotency-Key", "User-Agent" };
    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private int _counted;
    private int _tooMany;

    private CountingProxy(WebApplication app, HttpClient upstream, string url)
    {
        _app = app;
        _upstream = upstream;
        Url = url;
    }

    public string Url { get; }

    /// <summary>Requests that spend the budget (everything but the free rate-limit read).</summary>
    public int Counted => Volatile.Read(ref _counted);

    public int TooManyRequests => Volatile.Read(ref _tooMany);

    public static async Task<CountingProxy> StartAsync(string upstreamRoot)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var upstream = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { BaseAddress = new Uri(upstreamRoot + "/") };
        CountingProxy? proxy = null;
        app.Run(context => proxy!.ForwardAsync(context));
        await app.StartAsync();
        proxy = new CountingProxy(app, upstream, app.Urls.First().TrimEnd('/'));
        return proxy;
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var request = context.Request;
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path.Value!.TrimStart('/') + request.QueryString);
        foreach (var name in PassedHeaders)
        {
            if (request.Headers.TryGetValue(name, out var value))
            {
                message.Headers.TryAddWithoutValidation(name, value.ToArray());
            }
        }

        if (request.ContentLength > 0 || request.Headers.ContainsKey("Transfer-Encoding"))
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            message.Content = new ByteArrayContent(body.ToArray());
            message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }

        if (!request.Path.Value!.EndsWith("/public/keys/rate-limit", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _counted);
        }

        using var answer = await _upstream.SendAsync(message, context.RequestAborted);
        if ((int)answer.StatusCode == 429)
        {
            Interlocked.Increment(ref _tooMany);
        }

        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var header in answer.Headers.Concat(answer.Content.Headers))
        {
            if (header.Key is not ("Transfer-Encoding" or "Content-Length"))
            {
                context.Response.Headers[header.Key] = header.Value.ToArray();
            }
        }

        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
