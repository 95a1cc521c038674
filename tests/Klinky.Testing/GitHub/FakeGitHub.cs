using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Klinky.Testing.GitHub;

/// <summary>
/// A loopback fake of the slice of GitHub's API the action uses: <c>GET /user</c>, an issue's comments (list with
/// <c>Link</c> paging, create, update, delete), a commit's pull requests and comments, GraphQL's <c>minimizeComment</c>,
/// and injected failures (rate limits). Every request is recorded so tests can count calls.
/// </summary>
public sealed partial class FakeGitHub : IAsyncDisposable
{
    internal const string NotAccessible = "Resource not accessible by integration";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, FakeToken> _tokens = new(StringComparer.Ordinal);
    internal readonly List<FakeComment> _comments = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentDictionary<string, bool> _userAgents = new(StringComparer.Ordinal);
    private long _nextId = 1000;

    private FakeGitHub(WebApplication app, string apiUrl)
    {
        _app = app;
        ApiUrl = apiUrl;
    }

    /// <summary>The API root, e.g. <c>http://127.0.0.1:PORT/api/v3</c> (a path, as on GitHub Enterprise Server).</summary>
    public string ApiUrl { get; }

    /// <summary>Every request as <c>METHOD /path?query</c>, in order.</summary>
    public IReadOnlyList<string> Requests => _requests.ToList();

    /// <summary>Every User-Agent a request came with: which product called.</summary>
    public IReadOnlyCollection<string> UserAgents => _userAgents.Keys.ToList();

    /// <summary>Comments are created this far apart, so "oldest" is well defined.</summary>
    public DateTimeOffset Clock { get; set; } = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static async Task<FakeGitHub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeGitHub? fake = null;
        app.Use(async (context, next) =>
        {
            fake!._requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            fake._userAgents.TryAdd(context.Request.Headers.UserAgent.ToString(), true);
            if (!await fake.TryFailAsync(context))
            {
                await next(context);
            }
        });
        var api = app.MapGroup("/api/v3");
        api.MapGet("/user", (HttpContext c) => fake!.GetUser(c));
        api.MapGet("/repos/{owner}/{repo}/issues/{number:int}/comments", (HttpContext c, string owner, string repo, int number) => fake!.List(c, owner, repo, number));
        api.MapPost("/repos/{owner}/{repo}/issues/{number:int}/comments", (HttpContext c, string owner, string repo, int number) => fake!.CreateAsync(c, owner, repo, number));
        api.MapMethods("/repos/{owner}/{repo}/issues/comments/{id:long}", new[] { "PATCH" }, (HttpContext c, string owner, string repo, long id) => fake!.UpdateAsync(c, owner, repo, id));
        api.MapDelete("/repos/{owner}/{repo}/issues/comments/{id:long}", (HttpContext c, long id) => fake!.Delete(c, id));
        MapCommits(api, () => fake!);
        MapStatuses(api, () => fake!);
        app.MapPost("/api/graphql", (Delegate)((HttpContext c) => fake!.GraphQlAsync(c)));
        await app.StartAsync();
        var root = app.Urls.First().TrimEnd('/');
        fake = new FakeGitHub(app, root + "/api/v3");
        return fake;
    }

    public void AddToken(string token, FakeToken behaviour) => _tokens[token] = behaviour;

    /// <summary>Seeds a comment, as another user or an earlier run would have left it.</summary>
    public FakeComment AddComment(string repository, int number, string login, string body)
    {
        lock (_comments)
        {
            var comment = NewComment(Key(repository, number), login, body);
            _comments.Add(comment);
            return comment;
        }
    }

    public IReadOnlyList<FakeComment> Comments(string repository, int number)
    {
        lock (_comments)
        {
            return _comments.Where(c => c.IssueKey == Key(repository, number)).ToList();
        }
    }

    public int Count(string method, string pathContains) =>
        Requests.Count(r => r.StartsWith(method + " ", StringComparison.Ordinal) && r.Contains(pathContains, StringComparison.Ordinal));

    public void ClearRequests()
    {
        _requests.Clear();
        _userAgents.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string Key(string repository, int number) => $"{repository}#{number}";

    internal FakeComment NewComment(string issueKey, string login, string body)
    {
        Clock = Clock.AddMinutes(1);
        return new FakeComment { Id = Interlocked.Increment(ref _nextId), IssueKey = issueKey, Login = login, Body = body, CreatedAt = Clock, UpdatedAt = Clock };
    }

    internal FakeToken? Authenticate(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var space = header.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && _tokens.TryGetValue(header[(space + 1)..], out var token) ? token : null;
    }

    private IResult GetUser(HttpContext context) => Authenticate(context) switch
    {
        null => Message(401, "Bad credentials"),
        { IsInstallation: true } => Message(403, NotAccessible),
        var token => Results.Json(new { login = token.Login, id = 1, type = "User" }),
    };

    private IResult List(HttpContext context, string owner, string repo, int number)
    {
        if (Authenticate(context) is null)
        {
            return Message(401, "Bad credentials");
        }

        var perPage = int.TryParse(context.Request.Query["per_page"], CultureInfo.InvariantCulture, out var pp) ? Math.Clamp(pp, 1, 100) : 30;
        var page = int.TryParse(context.Request.Query["page"], CultureInfo.InvariantCulture, out var p) ? Math.Max(p, 1) : 1;
        var all = Comments($"{owner}/{repo}", number).OrderBy(c => c.Id).ToList();
        var lastPage = Math.Max(1, (all.Count + perPage - 1) / perPage);
        var items = all.Skip((page - 1) * perPage).Take(perPage).Select(c => ToJson(c, owner, repo)).ToArray();

        // Absolute URLs keeping the query, as GitHub sends them: Octokit follows rel="next" as given.
        var query = string.Concat(context.Request.Query.Where(q => q.Key != "page").Select(q => $"{q.Key}={q.Value}&"));
        var self = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}?{query}page=";
        var links = new List<string>();
        if (page < lastPage)
        {
            links.Add($"<{self}{page + 1}>; rel=\"next\"");
            links.Add($"<{self}{lastPage}>; rel=\"last\"");
        }

        if (links.Count > 0)
        {
            context.Response.Headers["Link"] = string.Join(", ", links);
        }

        return Results.Content(new JsonArray(items).ToJsonString(), "application/json");
    }

    private async Task<IResult> CreateAsync(HttpContext context, string owner, string repo, int number)
    {
        var token = Authenticate(context);
        if (token is null)
        {
            return Message(401, "Bad credentials");
        }

        if (token.ReadOnly)
        {
            return Message(403, NotAccessible);
        }

        var body = await ReadBodyAsync(context);
        FakeComment comment;
        lock (_comments)
        {
            comment = NewComment(Key($"{owner}/{repo}", number), token.IsInstallation ? "github-actions[bot]" : token.Login, body);
            _comments.Add(comment);
        }

        return Results.Content(ToJson(comment, owner, repo).ToJsonString(), "application/json", statusCode: 201);
    }

    private async Task<IResult> UpdateAsync(HttpContext context, string owner, string repo, long id)
    {
        var token = Authenticate(context);
        if (token is null || token.ReadOnly)
        {
            return token is null ? Message(401, "Bad credentials") : Message(403, NotAccessible);
        }

        var body = await ReadBodyAsync(context);
        lock (_comments)
        {
            var comment = _comments.FirstOrDefault(c => c.Id == id);
            if (comment is null)
            {
                return Message(404, "Not Found");
            }

            comment.Body = body;
            Clock = Clock.AddMinutes(1);
            comment.UpdatedAt = Clock;
            return Results.Content(ToJson(comment, owner, repo).ToJsonString(), "application/json");
        }
    }

    private IResult Delete(HttpContext context, long id)
    {
        var token = Authenticate(context);
        if (token is null || token.ReadOnly)
        {
            return token is null ? Message(401, "Bad credentials") : Message(403, NotAccessible);
        }

        lock (_comments)
        {
            return _comments.RemoveAll(c => c.Id == id) == 1 ? Results.NoContent() : Message(404, "Not Found");
        }
    }

    internal static async Task<string> ReadBodyAsync(HttpContext context)
    {
        using var document = await JsonDocument.ParseAsync(context.Request.Body);
        return document.RootElement.GetProperty("body").GetString() ?? "";
    }

    private JsonObject ToJson(FakeComment c, string owner, string repo) => new()
    {
        ["id"] = c.Id,
        ["node_id"] = c.NodeId,
        ["url"] = $"{ApiUrl}/repos/{owner}/{repo}/issues/comments/{c.Id}",
        ["html_url"] = $"https://github.com/{owner}/{repo}/pull/{c.IssueKey.Split('#')[1]}#issuecomment-{c.Id}",
        ["body"] = c.Body,
        ["created_at"] = c.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["updated_at"] = c.UpdatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["user"] = new JsonObject { ["login"] = c.Login, ["id"] = 7, ["type"] = c.Login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User" },
        ["author_association"] = "MEMBER",
    };

    internal static IResult Message(int status, string message) =>
        Results.Json(new { message, documentation_url = "https://docs.github.com/rest" }, statusCode: status);
}
