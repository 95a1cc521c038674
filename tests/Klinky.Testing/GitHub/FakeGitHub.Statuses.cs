using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Klinky.Testing.GitHub;

/// <summary>Commit statuses (<c>POST /repos/{o}/{r}/statuses/{sha}</c>): the merge gate's writes, recorded as sent.</summary>
public sealed partial class FakeGitHub
{
    private readonly List<FakeStatus> _statuses = new();

    public IReadOnlyList<FakeStatus> Statuses(string repository, string sha)
    {
        lock (_statuses)
        {
            return _statuses.Where(s => s.Repository == repository && s.Sha == sha).ToList();
        }
    }

    public IReadOnlyList<FakeStatus> AllStatuses
    {
        get
        {
            lock (_statuses)
            {
                return _statuses.ToList();
            }
        }
    }

    private static void MapStatuses(RouteGroupBuilder api, Func<FakeGitHub> fake) =>
        api.MapPost("/repos/{owner}/{repo}/statuses/{sha}", (HttpContext c, string owner, string repo, string sha) => fake().CreateStatusAsync(c, owner, repo, sha));

    private async Task<IResult> CreateStatusAsync(HttpContext context, string owner, string repo, string sha)
    {
        var token = Authenticate(context);
        if (token is null || token.ReadOnly)
        {
            return token is null ? Message(401, "Bad credentials") : Message(403, NotAccessible);
        }

        var body = (await JsonNode.ParseAsync(context.Request.Body))!;
        var status = new FakeStatus($"{owner}/{repo}", sha, body["state"]!.GetValue<string>(), body["context"]!.GetValue<string>(),
            body["description"]?.GetValue<string>(), body["target_url"]?.GetValue<string>());
        lock (_statuses)
        {
            _statuses.Add(status);
        }

        return Results.Json(new { id = _statuses.Count, state = status.State, context = status.Context, description = status.Description, target_url = status.TargetUrl }, statusCode: 201);
    }
}
