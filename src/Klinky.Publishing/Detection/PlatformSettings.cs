namespace Klinky.Publishing.Detection;

/// <summary>
/// What the caller says explicitly (cmdlet parameters, action inputs); each one wins over what the environment tells,
/// and fills in what it cannot tell (a run outside CI, a pipeline not triggered by the pull request).
/// </summary>
public sealed class PlatformSettings
{
    public PlatformKind? Platform { get; init; }

    /// <summary>The token to write with; else the platform's variable (GITHUB_TOKEN, SYSTEM_ACCESSTOKEN, KLINKY_GITLAB_TOKEN).</summary>
    public string? Token { get; init; }

    /// <summary>The pull request number (GitHub), pull request id (Azure DevOps) or merge request iid (GitLab).</summary>
    public int? PullRequest { get; init; }

    /// <summary><c>owner/name</c> (GitHub), the repository name or id (Azure DevOps), the project id or path (GitLab).</summary>
    public string? Repository { get; init; }

    /// <summary>Azure DevOps' project.</summary>
    public string? Project { get; init; }

    /// <summary>The API root: GitHub's REST URL, Azure DevOps' collection URL, GitLab's <c>/api/v4</c> URL.</summary>
    public string? ApiUrl { get; init; }

    /// <summary>The pull request's head commit, for the gate's status.</summary>
    public string? HeadCommit { get; init; }
}
