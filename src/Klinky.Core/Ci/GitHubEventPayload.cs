using System.Text.Json;

namespace Klinky.Ci;

/// <summary>The few facts Klinky needs from GitHub's event payload (the JSON file at <c>GITHUB_EVENT_PATH</c>).</summary>
internal sealed class GitHubEventPayload
{
    public int? PullRequestNumber { get; private set; }

    public string? HeadSha { get; private set; }

    public string? HeadBranch { get; private set; }

    public bool IsFork { get; private set; }

    public string? RepositoryFullName { get; private set; }

    /// <summary>True when the payload describes a pull request (directly or through a workflow run).</summary>
    public bool HasHead { get; private set; }

    /// <summary>Parses <paramref name="json"/>; null when it is missing or not a JSON object, so callers fall back to the environment.</summary>
    public static GitHubEventPayload? TryParse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json!);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var payload = new GitHubEventPayload { RepositoryFullName = String(root, "repository", "full_name") };
            if (Object(root, "pull_request") is { } pullRequest)
            {
                payload.ReadPullRequest(pullRequest);
            }
            else if (Object(root, "workflow_run") is { } run)
            {
                payload.ReadWorkflowRun(run);
            }

            return payload;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void ReadPullRequest(JsonElement pullRequest)
    {
        HasHead = true;
        PullRequestNumber = Number(pullRequest, "number");
        HeadSha = String(pullRequest, "head", "sha");
        HeadBranch = String(pullRequest, "head", "ref");

        // A deleted fork leaves head.repo null; otherwise the names tell. The fork flag is only a fallback:
        // it is also true for a pull request inside a repository that is itself a fork.
        var headRepo = Object(pullRequest, "head", "repo");
        var headName = headRepo is { } head ? String(head, "full_name") : null;
        var baseName = String(pullRequest, "base", "repo", "full_name");
        IsForkByNames(headRepo is null, headName, baseName, headRepo is { } h && Bool(h, "fork"));
    }

    private void ReadWorkflowRun(JsonElement run)
    {
        HeadSha = String(run, "head_sha");
        HeadBranch = String(run, "head_branch");
        if (Object(run, "pull_requests") is { ValueKind: JsonValueKind.Array } pullRequests && pullRequests.GetArrayLength() > 0)
        {
            PullRequestNumber = Number(pullRequests[0], "number");
        }

        HasHead = true;

        // GitHub leaves pull_requests empty for runs from forks, so the fork test cannot depend on it.
        var headName = String(run, "head_repository", "full_name");
        IsForkByNames(Object(run, "head_repository") is null, headName, RepositoryFullName, fallbackFlag: false);
    }

    private void IsForkByNames(bool headMissing, string? headName, string? baseName, bool fallbackFlag) =>
        IsFork = headMissing
            || (headName is not null && baseName is not null
                ? !string.Equals(headName, baseName, StringComparison.OrdinalIgnoreCase)
                : fallbackFlag);

    private static JsonElement? Object(JsonElement element, params string[] path)
    {
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current) || current.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
        }

        return current;
    }

    private static string? String(JsonElement element, params string[] path) =>
        Object(element, path) is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text ? text : null;

    private static int? Number(JsonElement element, params string[] path) =>
        Object(element, path) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) && number > 0 ? number : null;

    private static bool Bool(JsonElement element, params string[] path) =>
        Object(element, path) is { ValueKind: JsonValueKind.True };
}
