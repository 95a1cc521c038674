namespace Klinky.Publishing.GitHub;

/// <summary>
/// What a run was writing to GitHub when it was refused: the failure message names that write, the job permission it
/// needs, and what the next run does about it, so a refused status is not reported as a refused comment.
/// </summary>
public sealed class GitHubWrite
{
    private GitHubWrite(string title, string attempt, string permission, string nextRun)
    {
        Title = title;
        Attempt = attempt;
        Permission = permission;
        NextRun = nextRun;
    }

    /// <summary>The report comment on a pull request.</summary>
    public static GitHubWrite PullRequestComment { get; } = new("Klinky report comment", "comment on", "pull-requests: write", "the next run updates the comment");

    /// <summary>The report comment on a commit (push builds).</summary>
    public static GitHubWrite CommitComment { get; } = new("Klinky report comment", "comment on", "contents: write", "the next run updates the comment");

    /// <summary>The merge gate's commit status.</summary>
    public static GitHubWrite Status { get; } = new("Klinky merge gate", "set the merge gate's status on", "statuses: write", "the next run sets it");

    /// <summary>The annotation's title in the workflow run.</summary>
    public string Title { get; }

    /// <summary>"comment on": what the message says could not be done.</summary>
    public string Attempt { get; }

    /// <summary>The job permission the write needs.</summary>
    public string Permission { get; }

    /// <summary>What happens on the next run when nothing is changed.</summary>
    public string NextRun { get; }
}
