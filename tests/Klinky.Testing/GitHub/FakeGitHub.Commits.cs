using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Klinky.Testing.GitHub;

/// <summary>A commit's pull requests (<c>GET /repos/{o}/{r}/commits/{sha}/pulls</c>) and its comments.</summary>
public sealed partial class FakeGitHub
{
    private readonly List<(string Repository, int Number, string HeadSha, string State)> _pulls = new();

    /// <summary>A pull request whose branch holds <paramref name="sha"/>; <paramref name="state"/> is open or closed.</summary>
    public void AddPullRequest(string repository, int number, string sha, string state = "open")
    {
        lock (_pulls)
        {
            _pulls.Add((repository, number, sha, state));
        }
    }

    public IReadOnlyList<FakeComment> CommitComments(string repository, string sha) => Comments(repository + "@" + sha);

    private IReadOnlyList<FakeComment> Comments(string key)
    {
        lock (_comments)
        {
            return _comments.Where(c => c.IssueKey == key).ToList();
        }
    }

    private static void MapCommits(RouteGroupBuilder api, Func<FakeGitHub> fake)
    {
        api.MapGet("/repos/{owner}/{repo}/commits/{sha}/pulls", (HttpContext c, string owner, string repo, string sha) => fake().Pulls(c, owner, repo, sha));
        api.MapGet("/repos/{owner}/{repo}/commits/{sha}/comments", (HttpContext c, string owner, string repo, string sha) => fake().ListCommitComments(c, owner, repo, sha));
        api.MapPost("/repos/{owner}/{repo}/commits/{sha}/comments", (HttpContext c, string owner, string repo, string sha) => fake().CreateCommitCommentAsync(c, owner, repo, sha));
        api.MapMethods("/repos/{owner}/{repo}/comments/{id:long}", new[] { "PATCH" }, (HttpContext c, string owner, string repo, long id) => fake().UpdateCommitCommentAsync(c, owner, repo, id));
    }

    private IResult Pulls(HttpContext context, string owner, string repo, string sha)
    {
        if (Authenticate(context) is null)
        {
            return Message(401, "Bad credentials");
        }

        List<JsonNode> items;
        lock (_pulls)
        {
            items = _pulls.Where(p => p.Repository == $"{owner}/{repo}" && p.HeadSha == sha)
                .Select(p => (JsonNode)new JsonObject
                {
                    ["id"] = p.Number * 10,
                    ["number"] = p.Number,
                    ["state"] = p.State,
                    ["title"] = "PR " + p.Number.ToString(CultureInfo.InvariantCulture),
                    ["html_url"] = $"https://github.com/{owner}/{repo}/pull/{p.Number}",
                    ["head"] = new JsonObject { ["sha"] = sha, ["ref"] = "feature" },
                })
                .ToList();
        }

        return Results.Content(new JsonArray(items.ToArray()).ToJsonString(), "application/json");
    }

    private IResult ListCommitComments(HttpContext context, string owner, string repo, string sha)
    {
        if (Authenticate(context) is null)
        {
            return Message(401, "Bad credentials");
        }

        var items = Comments($"{owner}/{repo}@{sha}").OrderBy(c => c.Id).Select(c => (JsonNode)CommitJson(c, owner, repo, sha)).ToArray();
        return Results.Content(new JsonArray(items).ToJsonString(), "application/json");
    }

    private async Task<IResult> CreateCommitCommentAsync(HttpContext context, string owner, string repo, string sha)
    {
        var token = Authenticate(context);
        if (token is null || token.ReadOnly)
        {
            return token is null ? Message(401, "Bad credentials") : Message(403, NotAccessible);
        }

        var body = await ReadBodyAsync(context);
        FakeComment comment;
        lock (_comments)
        {
            comment = NewComment($"{owner}/{repo}@{sha}", token.IsInstallation ? "github-actions[bot]" : token.Login, body);
            _comments.Add(comment);
        }

        return Results.Content(CommitJson(comment, owner, repo, sha).ToJsonString(), "application/json", statusCode: 201);
    }

    private async Task<IResult> UpdateCommitCommentAsync(HttpContext context, string owner, string repo, long id)
    {
        var token = Authenticate(context);
        if (token is null || token.ReadOnly)
        {
            return token is null ? Message(401, "Bad credentials") : Message(403, NotAccessible);
        }

        var body = await ReadBodyAsync(context);
        lock (_comments)
        {
            var comment = _comments.FirstOrDefault(c => c.Id == id && c.IssueKey.Contains('@', StringComparison.Ordinal));
            if (comment is null)
            {
                return Message(404, "Not Found");
            }

            comment.Body = body;
            Clock = Clock.AddMinutes(1);
            comment.UpdatedAt = Clock;
            return Results.Content(CommitJson(comment, owner, repo, comment.IssueKey.Split('@')[1]).ToJsonString(), "application/json");
        }
    }

    private JsonObject CommitJson(FakeComment c, string owner, string repo, string sha) => new()
    {
        ["id"] = c.Id,
        ["node_id"] = c.NodeId,
        ["url"] = $"{ApiUrl}/repos/{owner}/{repo}/comments/{c.Id}",
        ["html_url"] = $"https://github.com/{owner}/{repo}/commit/{sha}#commitcomment-{c.Id}",
        ["body"] = c.Body,
        ["commit_id"] = sha,
        ["created_at"] = c.CreatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["updated_at"] = c.UpdatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["user"] = new JsonObject { ["login"] = c.Login, ["id"] = 7, ["type"] = c.Login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User" },
    };
}
