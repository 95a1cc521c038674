namespace Klinky.Publishing.GitHub;

/// <summary>
/// Where the report goes: the pull request (from the event, the <c>pr-number</c> input, or the commit's open pull
/// requests) with its existing report comments; null members when there is none.
/// </summary>
/// <param name="FoundByCommit">Open pull requests the commit lookup returned (empty when it was not needed).</param>
public sealed record ReportTarget(PullRequestRef? PullRequest, ExistingReport? Existing, IReadOnlyList<PullRequestRef> FoundByCommit, bool LookedUpCommit);
