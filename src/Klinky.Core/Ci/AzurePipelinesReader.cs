namespace Klinky.Ci;

/// <summary>Azure Pipelines' predefined variables (<c>TF_BUILD=True</c>).</summary>
internal static class AzurePipelinesReader
{
    public static CiContext Read(CiEnvironment env)
    {
        // GitHub-hosted repositories give the number; Azure Repos only give the id, which is the number there.
        var pullRequest = env.GetPositiveInt("SYSTEM_PULLREQUEST_PULLREQUESTNUMBER") ?? env.GetPositiveInt("SYSTEM_PULLREQUEST_PULLREQUESTID");
        var sourceBranch = CiEnvironment.StripHeads(env.Get("BUILD_SOURCEBRANCH"));
        var isTag = sourceBranch?.StartsWith("refs/tags/", StringComparison.Ordinal) == true;

        // BUILD_SOURCEBRANCHNAME is only the last path segment (feature/x gives x), so the full ref is preferred.
        var branch = pullRequest is not null
            ? CiEnvironment.StripHeads(env.Get("SYSTEM_PULLREQUEST_SOURCEBRANCH"))
            : isTag ? null : sourceBranch ?? env.Get("BUILD_SOURCEBRANCHNAME");

        // On a pull request BUILD_SOURCEVERSION is the merge commit; the source commit is the one the author pushed.
        var commit = (pullRequest is not null ? env.Get("SYSTEM_PULLREQUEST_SOURCECOMMITID") : null) ?? env.Get("BUILD_SOURCEVERSION");
        var collection = env.Get("SYSTEM_COLLECTIONURI");
        return new CiContext
        {
            Provider = CiProvider.AzurePipelines,
            Repository = env.Get("BUILD_REPOSITORY_NAME"),
            Branch = branch,
            Tag = isTag ? sourceBranch!.Substring("refs/tags/".Length) : null,
            PullRequestNumber = pullRequest,
            Commit = commit,
            RunUrl = RunUrl(collection, env.Get("SYSTEM_TEAMPROJECT"), env.Get("BUILD_BUILDID")),
            EventName = env.Get("BUILD_REASON"),
            IsForkPullRequest = pullRequest is not null && env.IsTrue("SYSTEM_PULLREQUEST_ISFORK"),
            ServerUrl = collection?.TrimEnd('/'),
            ApiUrl = collection?.TrimEnd('/'),
        };
    }

    private static string? RunUrl(string? collection, string? project, string? buildId) =>
        collection is null || project is null || buildId is null
            ? null
            : $"{collection.TrimEnd('/')}/{Uri.EscapeDataString(project)}/_build/results?buildId={Uri.EscapeDataString(buildId)}";
}
