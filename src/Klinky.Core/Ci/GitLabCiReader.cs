namespace Klinky.Ci;

/// <summary>GitLab CI/CD's predefined variables (<c>GITLAB_CI=true</c>).</summary>
internal static class GitLabCiReader
{
    public static CiContext Read(CiEnvironment env)
    {
        var mergeRequest = env.GetPositiveInt("CI_MERGE_REQUEST_IID");
        var tag = env.Get("CI_COMMIT_TAG");
        var branch = mergeRequest is not null
            ? env.Get("CI_MERGE_REQUEST_SOURCE_BRANCH_NAME")
            : env.Get("CI_COMMIT_BRANCH") ?? (tag is null ? env.Get("CI_COMMIT_REF_NAME") : null);

        // Merged-results pipelines build a merge commit; the source branch's SHA is what the author pushed.
        var commit = (mergeRequest is not null ? env.Get("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA") : null) ?? env.Get("CI_COMMIT_SHA");
        var sourceProject = env.Get("CI_MERGE_REQUEST_SOURCE_PROJECT_ID");
        var targetProject = env.Get("CI_MERGE_REQUEST_PROJECT_ID");
        return new CiContext
        {
            Provider = CiProvider.GitLabCi,
            Repository = env.Get("CI_PROJECT_PATH"),
            Branch = branch,
            Tag = tag,
            PullRequestNumber = mergeRequest,
            Commit = commit,
            RunUrl = env.Get("CI_PIPELINE_URL"),
            EventName = env.Get("CI_PIPELINE_SOURCE"),
            IsForkPullRequest = mergeRequest is not null && sourceProject is not null && targetProject is not null && sourceProject != targetProject,
            ServerUrl = env.Get("CI_SERVER_URL"),
            ApiUrl = env.Get("CI_API_V4_URL"),
        };
    }
}
