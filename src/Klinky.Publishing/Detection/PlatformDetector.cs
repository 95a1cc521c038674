using Klinky.Ci;
using Klinky.Publishing.AzureDevOps;
using Klinky.Publishing.GitHub;
using Klinky.Publishing.GitLab;

namespace Klinky.Publishing.Detection;

/// <summary>
/// "Where am I running": Core's CI readers say which system and which pull request; this adds what only publishing
/// needs (the token, Azure DevOps' project, GitLab's project id) from the same environment dictionary the surface
/// read once, and explicit settings win. Everything is checked before a request is spent.
/// </summary>
public static class PlatformDetector
{
    /// <summary>Where GitLab jobs are told to keep the report's token (a masked CI/CD variable).</summary>
    public const string GitLabTokenVariable = "KLINKY_GITLAB_TOKEN";

    public static DetectedPlatform Detect(IReadOnlyDictionary<string, string?> environment, PlatformSettings settings, PlatformOptions options)
    {
        Check.NotNull(environment, nameof(environment));
        Check.NotNull(settings, nameof(settings));
        Check.NotNull(options, nameof(options));
        var context = CiContextReader.Read(environment);
        var kind = settings.Platform ?? context.Provider switch
        {
            CiProvider.GitHubActions => PlatformKind.GitHub,
            CiProvider.AzurePipelines => PlatformKind.AzureDevOps,
            CiProvider.GitLabCi => PlatformKind.GitLab,
            _ => throw new PublishingConfigurationException("Platform", $"This run is {context}: give -Platform (GitHub, AzureDevOps or GitLab) with the pull request, repository and token."),
        };
        string? Get(string name) => environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value!.Trim() : null;
        var pullRequest = settings.PullRequest ?? context.PullRequestNumber
            ?? throw new PublishingConfigurationException("PullRequest", $"No pull request in this run's context ({context}): run the job for the pull request (Azure: a build validation policy; GitLab: 'merge_request_event' pipelines), or give -PullRequest.");
        var commit = settings.HeadCommit ?? context.Commit;
        var platform = kind switch
        {
            PlatformKind.GitHub => GitHub(settings, context, pullRequest, commit, Get, options),
            PlatformKind.AzureDevOps => AzureDevOps(settings, context, pullRequest, Get, options),
            _ => GitLab(settings, context, pullRequest, commit, Get, options),
        };
        return new DetectedPlatform(kind, platform, context.RunUrl);
    }

    private static IReportPlatform GitHub(PlatformSettings settings, CiContext context, int number, string? commit, Func<string, string?> get, PlatformOptions options)
    {
        var repository = GitHubRepository.TryParse(settings.Repository ?? context.Repository)
            ?? throw new PublishingConfigurationException("Repository", "GitHub needs the repository as owner/name: give -Repository (GITHUB_REPOSITORY was not owner/name).");
        var token = settings.Token ?? get("GITHUB_TOKEN")
            ?? throw new PublishingConfigurationException("Token", "GitHub needs a token with 'pull-requests: write' (and 'statuses: write' for the gate): pass -Token, or set GITHUB_TOKEN: ${{ github.token }} in the step's env.");
        var apiUrl = settings.ApiUrl ?? context.ApiUrl ?? "https://api.github.com";
        var github = GitHubClientFactory.Create(apiUrl, token, options.UserAgent,
            inner => new GitHubRateLimitHandler(options.MaxRateLimitWait, options.Time, _ => { }, inner));
        var minimizer = new CommentMinimizer(github.Connection, CommentMinimizer.GraphQlUrl(get("GITHUB_GRAPHQL_URL"), apiUrl));
        return new GitHubPlatform(github, repository.PullRequest(number), minimizer, commit);
    }

    private static IReportPlatform AzureDevOps(PlatformSettings settings, CiContext context, int id, Func<string, string?> get, PlatformOptions options)
    {
        var collection = settings.ApiUrl ?? context.ApiUrl
            ?? throw new PublishingConfigurationException("ApiUrl", "Azure DevOps needs the organization's URL (SYSTEM_COLLECTIONURI): give -ApiUrl https://dev.azure.com/<organization>/.");
        var project = settings.Project ?? get("SYSTEM_TEAMPROJECT")
            ?? throw new PublishingConfigurationException("Project", "Azure DevOps needs the project (SYSTEM_TEAMPROJECT): give -Project.");
        var repository = settings.Repository ?? get("BUILD_REPOSITORY_ID") ?? context.Repository
            ?? throw new PublishingConfigurationException("Repository", "Azure DevOps needs the repository (BUILD_REPOSITORY_ID): give -Repository.");
        var token = settings.Token ?? get("SYSTEM_ACCESSTOKEN")
            ?? throw new PublishingConfigurationException("Token", "Azure Pipelines does not give scripts the job's token unless asked: add 'env: SYSTEM_ACCESSTOKEN: $(System.AccessToken)' to the step, or pass -Token.");
        return new AzureDevOpsPlatform(new AzureDevOpsPullRequest(collection, project, repository, id), token, options);
    }

    private static IReportPlatform GitLab(PlatformSettings settings, CiContext context, int iid, string? commit, Func<string, string?> get, PlatformOptions options)
    {
        var apiUrl = settings.ApiUrl ?? context.ApiUrl ?? (context.ServerUrl is { } server ? server.TrimEnd('/') + "/api/v4" : null)
            ?? throw new PublishingConfigurationException("ApiUrl", "GitLab needs its API URL (CI_API_V4_URL or CI_SERVER_URL): give -ApiUrl https://gitlab.example.com/api/v4.");
        var project = settings.Repository ?? get("CI_MERGE_REQUEST_PROJECT_ID") ?? get("CI_PROJECT_ID")
            ?? throw new PublishingConfigurationException("Repository", "GitLab needs the project (CI_PROJECT_ID): give -Repository with the project's id or path.");
        var jobToken = get("CI_JOB_TOKEN");
        var token = settings.Token ?? get(GitLabTokenVariable)
            ?? throw new PublishingConfigurationException("Token", $"GitLab needs {GitLabPlatform.Permission}: store it as a masked CI/CD variable {GitLabTokenVariable}, or pass -Token. CI_JOB_TOKEN cannot write merge request notes.");
        if (jobToken is not null && string.Equals(token, jobToken, StringComparison.Ordinal))
        {
            throw new PublishingConfigurationException("Token", $"The token given is CI_JOB_TOKEN, which cannot write merge request notes or commit statuses: use {GitLabPlatform.Permission}, stored as a masked CI/CD variable {GitLabTokenVariable}.");
        }

        var web = get("CI_MERGE_REQUEST_PROJECT_URL") ?? get("CI_PROJECT_URL");
        return new GitLabPlatform(new GitLabMergeRequest(apiUrl, project, iid, commit, web is null ? null : $"{web.TrimEnd('/')}/-/merge_requests/{iid}"), token, options);
    }
}
