using Octokit;

namespace Klinky.Publishing.GitHub;

/// <summary>
/// The open pull requests whose branch holds a commit: how a <c>push</c>, <c>workflow_dispatch</c> or <c>schedule</c>
/// run finds where to report. One request (<c>GET /repos/{owner}/{repo}/commits/{sha}/pulls</c>, one page of 100).
/// </summary>
public static class CommitPullRequests
{
    /// <summary>The events whose payload names no pull request, but whose commit may head one.</summary>
    public static bool AppliesTo(string? eventName) => eventName is "push" or "workflow_dispatch" or "schedule";

    /// <summary>Open pull requests for <paramref name="sha"/>, lowest number first (GitHub also lists merged and closed ones).</summary>
    public static async Task<IReadOnlyList<PullRequestRef>> FindOpenAsync(IGitHubClient github, string owner, string name, string sha, CancellationToken cancellationToken)
    {
        Check.NotNull(github, nameof(github));
        var pulls = await github.Repository.Commit
            .PullRequests(owner, name, sha, new ApiOptions { PageSize = 100, PageCount = 1 })
            .WaitAsync(cancellationToken);
        return pulls.Where(p => p.State.Value == ItemState.Open)
            .OrderBy(p => p.Number)
            .Select(p => new PullRequestRef(owner, name, p.Number))
            .ToList();
    }
}
