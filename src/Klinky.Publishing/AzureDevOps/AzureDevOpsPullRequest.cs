namespace Klinky.Publishing.AzureDevOps;

/// <summary>
/// An Azure Repos pull request: the organization's collection URL (<c>SYSTEM_COLLECTIONURI</c>), the project
/// (<c>SYSTEM_TEAMPROJECT</c>), the repository's name or id (<c>BUILD_REPOSITORY_ID</c>) and the pull request id.
/// </summary>
public sealed record AzureDevOpsPullRequest(string CollectionUrl, string Project, string Repository, int Id)
{
    /// <summary>The REST root of the pull request: <c>{collection}/{project}/_apis/git/repositories/{repo}/pullRequests/{id}</c>.</summary>
    public string ApiUrl =>
        $"{CollectionUrl.TrimEnd('/')}/{Uri.EscapeDataString(Project)}/_apis/git/repositories/{Uri.EscapeDataString(Repository)}/pullRequests/{Id}";

    /// <summary>The pull request's page, which a thread's link points into.</summary>
    public string WebUrl =>
        $"{CollectionUrl.TrimEnd('/')}/{Uri.EscapeDataString(Project)}/_git/{Uri.EscapeDataString(Repository)}/pullrequest/{Id}";

    public override string ToString() => $"{Project}/{Repository} pull request {Id}";
}
