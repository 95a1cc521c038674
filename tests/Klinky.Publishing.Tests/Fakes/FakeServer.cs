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
/// <c>METHOD /path?query</c>, injected failures (a rate limit, a status) for the next requests, the documented
/// response shapes read from tests/fixtures, the tokens it knows and the statuses posted to it.
/// </summary>
public abstract class FakeServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<FakeFailure> _failures = new();
    private readonly ConcurrentDictionary<string, FakeIdentity> _tokens = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _statuses = new();
    private WebApplication? _app;

    /// <summary>The server's root, e.g. <c>http://127.0.0.1:PORT</c>.</summary>
    public string Root { get; private set; } = "";

    /// <summary>Every request as <c>METHOD /path?query</c>, in order.</summary>
    public IReadOnlyList<string> Requests => _requests.ToList();

    /// <summary>Comments are created this far apart, so "oldest" is well defined.</summary>
    public DateTimeOffset Clock { get; set; } = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The statuses posted (a pull request's or a commit's), in order, each with the id it was given.</summary>
    public IReadOnlyList<JsonObject> Statuses
    {
        get
        {
            lock (_statuses)
            {
                return _statuses.ToList();
            }
        }
    }

    /// <summary>Requests with <paramref name="token"/> act as <paramref name="identity"/>.</summary>
    public void AddToken(string token, FakeIdentity identity) => _tokens[token] = identity;

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

    /// <summary>Who <paramref name="token"/> is, or null for a token this fake was not given.</summary>
    protected FakeIdentity? IdentityOf(string token) => _tokens.TryGetValue(token, out var identity) ? identity : null;

    /// <summary>Stores a posted status under the next id and answers it, as both platforms do, with 201.</summary>
    protected IResult Created(JsonObject status)
    {
        lock (_statuses)
        {
            status["id"] = _statuses.Count + 1;
            _statuses.Add(status);
        }

        return Json(status.DeepClone(), 201);
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
