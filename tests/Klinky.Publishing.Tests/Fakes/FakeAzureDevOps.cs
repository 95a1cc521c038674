using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Klinky.Publishing.Tests.Fakes;

/// <summary>
/// A loopback fake of the slice of Azure DevOps' REST API 7.1 the publisher uses: <c>_apis/connectionData</c>, a pull
/// request's threads (listed in pages joined by <c>x-ms-continuationtoken</c>, created, a comment patched or deleted),
/// and pull request statuses. Shapes from tests/fixtures/azure-devops (sources in its NOTICE.md).
/// </summary>
public sealed class FakeAzureDevOps : FakeServer
{
    public const string Organization = "fabrikam";
    private readonly List<JsonObject> _threads = new();
    private int _nextThread = 100;

    private FakeAzureDevOps()
    {
    }

    /// <summary>Threads per page of the list; small, so tests cross pages.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>The collection URL, as <c>SYSTEM_COLLECTIONURI</c> gives it (with its trailing slash).</summary>
    public string CollectionUrl => $"{Root}/{Organization}/";

    public IReadOnlyList<JsonObject> Threads
    {
        get
        {
            lock (_threads)
            {
                return _threads.ToList();
            }
        }
    }

    public static async Task<FakeAzureDevOps> StartAsync()
    {
        var fake = new FakeAzureDevOps();
        await fake.StartAsync(app =>
        {
            app.MapGet($"/{Organization}/_apis/connectionData", (HttpContext c) => fake.ConnectionData(c));
            var pr = app.MapGroup($"/{Organization}/{{project}}/_apis/git/repositories/{{repository}}/pullRequests/{{id:int}}");
            pr.MapGet("/threads", (HttpContext c, int id) => fake.List(c, id));
            pr.MapPost("/threads", (HttpContext c, int id) => fake.CreateAsync(c, id));
            pr.MapMethods("/threads/{thread:int}/comments/{comment:int}", new[] { "PATCH" }, (HttpContext c, int thread, int comment) => fake.UpdateAsync(c, thread, comment));
            pr.MapDelete("/threads/{thread:int}/comments/{comment:int}", (HttpContext c, int thread, int comment) => fake.Delete(c, thread, comment));
            pr.MapPost("/statuses", (HttpContext c, int id) => fake.StatusAsync(c, id));
        });
        return fake;
    }

    /// <summary>Seeds a thread, as a person or an earlier run would have left it.</summary>
    public JsonObject AddThread(int pullRequest, string authorId, string content)
    {
        lock (_threads)
        {
            var thread = NewThread(pullRequest, authorId, content, "active");
            _threads.Add(thread);
            return thread;
        }
    }

    public IReadOnlyList<JsonObject> ThreadsOf(int pullRequest) => Threads.Where(t => t["pullRequestId"]!.GetValue<int>() == pullRequest).ToList();

    public static string ContentOf(JsonObject thread) => thread["comments"]![0]!["content"]!.GetValue<string>();

    private FakeIdentity? Caller(HttpContext context) =>
        context.Request.Headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal)
            ? IdentityOf(auth["Bearer ".Length..]) : null;

    private IResult ConnectionData(HttpContext context)
    {
        // A pipeline's token that is not valid is answered 401 by Azure DevOps before any route.
        if (Caller(context) is not { } identity)
        {
            return Results.StatusCode(401);
        }

        var data = Fixture("azure-devops", "connectionData.json");
        data["authenticatedUser"]!["id"] = identity.Id;
        data["authorizedUser"]!["id"] = identity.Id;
        return Json(data);
    }

    private IResult List(HttpContext context, int id)
    {
        if (Caller(context) is null)
        {
            return Results.StatusCode(401);
        }

        var all = ThreadsOf(id);
        var start = int.TryParse(context.Request.Query["continuationToken"], CultureInfo.InvariantCulture, out var token) ? token : 0;
        var page = all.Skip(start).Take(PageSize).Select(t => t.DeepClone()).ToArray();
        if (start + PageSize < all.Count)
        {
            context.Response.Headers["x-ms-continuationtoken"] = (start + PageSize).ToString(CultureInfo.InvariantCulture);
        }

        return Json(new JsonObject { ["value"] = new JsonArray(page), ["count"] = page.Length });
    }

    private async Task<IResult> CreateAsync(HttpContext context, int id)
    {
        if (Refuse(context, out var identity) is { } refused)
        {
            return refused;
        }

        var body = await BodyAsync(context);
        var content = body["comments"]![0]!["content"]!.GetValue<string>();
        lock (_threads)
        {
            var thread = NewThread(id, identity.Id, content, body["status"]?.GetValue<string>() ?? "active");
            _threads.Add(thread);
            return Json(thread.DeepClone());
        }
    }

    private async Task<IResult> UpdateAsync(HttpContext context, int threadId, int commentId)
    {
        if (Refuse(context, out var identity) is { } refused)
        {
            return refused;
        }

        var content = (await BodyAsync(context))["content"]!.GetValue<string>();
        lock (_threads)
        {
            var comment = FindComment(threadId, commentId);
            if (comment is null)
            {
                return Results.NotFound();
            }

            // Azure DevOps lets only a comment's author edit it.
            if (comment["author"]!["id"]!.GetValue<string>() != identity.Id)
            {
                return Json(Error(), 403);
            }

            comment["content"] = content;
            comment["lastContentUpdatedDate"] = Tick().ToString("O", CultureInfo.InvariantCulture);
            return Json(comment.DeepClone());
        }
    }

    private IResult Delete(HttpContext context, int threadId, int commentId)
    {
        if (Refuse(context, out _) is { } refused)
        {
            return refused;
        }

        lock (_threads)
        {
            var comment = FindComment(threadId, commentId);
            if (comment is null)
            {
                return Results.NotFound();
            }

            comment["isDeleted"] = true;
            return Results.Ok();
        }
    }

    private async Task<IResult> StatusAsync(HttpContext context, int id)
    {
        if (Refuse(context, out _) is { } refused)
        {
            return refused;
        }

        var body = await BodyAsync(context);
        var status = Fixture("azure-devops", "status.json");
        foreach (var name in new[] { "state", "description", "context", "targetUrl" })
        {
            status[name] = body[name]?.DeepClone();
        }

        status["pullRequestId"] = id;
        return Created(status);
    }

    private IResult? Refuse(HttpContext context, out FakeIdentity identity)
    {
        identity = Caller(context)!;
        return identity is null ? Results.StatusCode(401) : identity.CanWrite ? null : Json(Error(), 403);
    }

    private static JsonObject Error() => Fixture("azure-devops", "error.json");

    private JsonObject? FindComment(int threadId, int commentId) =>
        _threads.FirstOrDefault(t => t["id"]!.GetValue<int>() == threadId)?["comments"]!.AsArray()
            .Select(c => c!.AsObject()).FirstOrDefault(c => c["id"]!.GetValue<int>() == commentId);

    private JsonObject NewThread(int pullRequest, string authorId, string content, string status)
    {
        var thread = Fixture("azure-devops", "thread.json");
        var when = Tick().ToString("O", CultureInfo.InvariantCulture);
        thread["id"] = ++_nextThread;
        thread["pullRequestId"] = pullRequest;
        thread["status"] = status;
        thread["publishedDate"] = when;
        var comment = thread["comments"]![0]!.AsObject();
        comment["author"]!["id"] = authorId;
        comment["content"] = content;
        comment["publishedDate"] = when;
        return thread;
    }
}
