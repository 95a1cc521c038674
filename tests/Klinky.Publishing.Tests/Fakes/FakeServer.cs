using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Klinky.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Klinky.Publishing.Tests.Fakes;

/// <summary>
/// What the Azure DevOps and GitLab fakes share: a loopback Kestrel app, every request recorded as
/// <c>METHOD /path?query</c>, injected failures (a rate limit, a status) for the next requests, and the documented
/// response shapes read from tests/fixtures.
/// </summary>
public abstract class FakeServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<FakeFailure> _failures = new();
    private WebApplication? _app;

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:PORT</c>.</summary>
    public string Root { get; private set; } = "";

    /// <summary>Every request as <c>METHOD /path?query</c>, in order.</summary>
    public IReadOnlyList<string> Requests => _requests.ToList();

    /// <summary>Comments are created this far apart, so "oldest" is well defined.</summary>
    public DateTimeOffset Clock { get; set; } = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The next request is answered with <paramref name="status"/> (and its headers) instead of being served.</summary>
    public void FailNext(int status, params (string Name, string Value)[] headers) => _failures.Enqueue(new FakeFailure(status, headers));

    protected async Task StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            _requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            if (_failures.TryDequeue(out var failure))
            {
                context.Response.StatusCode = failure.Status;
                foreach (var (name, value) in failure.Headers)
                {
                    context.Response.Headers[name] = value;
                }

                await context.Response.WriteAsync("{\"message\":\"injected failure\"}");
                return;
            }

            await next(context);
        });
        map(app);
        await app.StartAsync();
        _app = app;
        Root = app.Urls.First().TrimEnd('/');
    }

    protected DateTimeOffset Tick()
    {
        lock (_requests)
        {
            Clock = Clock.AddMinutes(1);
            return Clock;
        }
    }

    /// <summary>A fresh copy of a documented response shape, from tests/fixtures/<paramref name="platform"/>.</summary>
    protected static JsonObject Fixture(string platform, string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", platform, name)))!.AsObject();

    protected static IResult Json(JsonNode node, int status = 200) => Results.Content(node.ToJsonString(), "application/json", statusCode: status);

    protected static async Task<JsonObject> BodyAsync(HttpContext context) =>
        (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
