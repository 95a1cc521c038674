namespace Klinky.Ci;

/// <summary>
/// What a CI run is about: repository, branch, pull request and commit, in one shape for every provider.
/// Built by <see cref="CiContextReader"/>; every surface (MSBuild task, Action, cmdlets) reads the same one. Plumbing
/// of the surfaces, not something a Core user calls: internal, and compiled into each surface as shared source (see
/// their Shared/ items), so it never crosses an assembly boundary (each copy is a different type).
/// </summary>
internal sealed class CiContext
{
    public CiProvider Provider { get; init; } = CiProvider.None;

    /// <summary><c>owner/name</c> on GitHub, the project path on GitLab, the repository name on Azure.</summary>
    public string? Repository { get; init; }

    /// <summary>The source branch of a pull request, else the branch being built (null for a tag build).</summary>
    public string? Branch { get; init; }

    /// <summary>The tag being built, when the run is for a tag rather than a branch.</summary>
    public string? Tag { get; init; }

    public int? PullRequestNumber { get; init; }

    /// <summary>
    /// The pull request's head commit where the provider tells it (GitHub: the event payload, not <c>GITHUB_SHA</c>,
    /// which is the temporary merge commit); else the commit being built.
    /// </summary>
    public string? Commit { get; init; }

    /// <summary>A browser link to this run.</summary>
    public string? RunUrl { get; init; }

    /// <summary>The provider's name for the trigger (<c>pull_request</c>, <c>PullRequest</c>, <c>merge_request_event</c>).</summary>
    public string? EventName { get; init; }

    /// <summary>The pull request comes from another repository: tokens are read-only and secrets are absent there.</summary>
    public bool IsForkPullRequest { get; init; }

    public string? ServerUrl { get; init; }

    public string? ApiUrl { get; init; }

    public bool IsPullRequest => PullRequestNumber is not null;

    /// <summary>Not in CI.</summary>
    public static CiContext None { get; } = new();

    public override string ToString() =>
        Provider == CiProvider.None
            ? "not in CI"
            : $"{Provider} {Repository} {(IsPullRequest ? $"PR #{PullRequestNumber} " : "")}{Branch ?? Tag} {Commit}".TrimEnd();
}
