namespace Klinky.Action.Inputs;

/// <summary>The <c>no-pull-request</c> input: what a run does when neither its event nor its commit has an open pull request.</summary>
internal enum NoPullRequestMode
{
    /// <summary>The report goes to the job summary only, with a notice saying why.</summary>
    Summary,

    /// <summary>The report is a comment on the commit, updated in place by later runs of the same commit.</summary>
    CommitComment,

    /// <summary>The step fails (after writing the summary and outputs): for workflows that must report on a pull request.</summary>
    Fail,
}
