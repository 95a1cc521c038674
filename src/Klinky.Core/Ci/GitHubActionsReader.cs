namespace Klinky.Ci;

/// <summary>GitHub Actions' default variables (<c>GITHUB_ACTIONS=true</c>) and the event payload.</summary>
internal static class GitHubActionsReader
{
    private const string DefaultServerUrl = "https://github.com";
    private const string DefaultApiUrl = "https://api.github.com";

    public static CiContext Read(CiEnvironment env, Func<string, string?> readFile)
    {
        var payload = ReadPayload(env.Get("GITHUB_EVENT_PATH"), readFile);
        var reference = env.Get("GITHUB_REF");
        var isTag = reference?.StartsWith("refs/tags/", StringComparison.Ordinal) == true;
        var repository = env.Get("GITHUB_REPOSITORY") ?? payload?.RepositoryFullName;
        var server = env.Get("GITHUB_SERVER_URL")?.TrimEnd('/') ?? DefaultServerUrl;

        // Without a payload, refs/pull/N/merge still tells the number, and GITHUB_SHA (the merge commit) is the best commit left.
        var pullRequest = payload?.PullRequestNumber ?? PullRequestFromRef(reference);
        var branch = payload?.HasHead == true && payload.HeadBranch is not null
            ? payload.HeadBranch
            : env.Get("GITHUB_HEAD_REF") ?? BranchFromRef(reference, env.Get("GITHUB_REF_NAME"));
        return new CiContext
        {
            Provider = CiProvider.GitHubActions,
            Repository = repository,
            Branch = branch,
            Tag = isTag ? env.Get("GITHUB_REF_NAME") ?? reference!.Substring("refs/tags/".Length) : null,
            PullRequestNumber = pullRequest,
            Commit = (payload?.HasHead == true ? payload.HeadSha : null) ?? env.Get("GITHUB_SHA"),
            RunUrl = RunUrl(server, repository, env.Get("GITHUB_RUN_ID"), env.GetPositiveInt("GITHUB_RUN_ATTEMPT")),
            EventName = env.Get("GITHUB_EVENT_NAME"),
            IsForkPullRequest = payload?.HasHead == true && payload.IsFork,
            ServerUrl = server,
            ApiUrl = env.Get("GITHUB_API_URL")?.TrimEnd('/') ?? DefaultApiUrl,
        };
    }

    private static GitHubEventPayload? ReadPayload(string? path, Func<string, string?> readFile)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            return GitHubEventPayload.TryParse(readFile(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // A missing or unreadable payload is not fatal: the environment still describes the run.
            return null;
        }
    }

    private static int? PullRequestFromRef(string? reference)
    {
        const string prefix = "refs/pull/";
        if (reference is null || !reference.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = reference.IndexOf('/', prefix.Length);
        return CiEnvironment.ParsePositiveInt(end < 0 ? reference.Substring(prefix.Length) : reference.Substring(prefix.Length, end - prefix.Length));
    }

    private static string? BranchFromRef(string? reference, string? refName)
    {
        if (reference is null)
        {
            return refName;
        }

        return reference.StartsWith("refs/heads/", StringComparison.Ordinal) ? CiEnvironment.StripHeads(reference) : null;
    }

    private static string? RunUrl(string server, string? repository, string? runId, int? attempt)
    {
        if (repository is null || runId is null)
        {
            return null;
        }

        var url = $"{server}/{repository}/actions/runs/{runId}";

        // Re-runs get their own page; the plain URL shows the latest attempt, which may not be this one.
        return attempt > 1 ? $"{url}/attempts/{attempt}" : url;
    }
}
