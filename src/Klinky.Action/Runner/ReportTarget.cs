using Klinky.Publishing;
using Klinky.Publishing.GitHub;

namespace Klinky.Action.Runner;

/// <summary>
/// Where the report goes: the pull request (from the event, the <c>pr-number</c> input, or the commit's open pull
/// requests), its publisher and its existing report comments; null members when there is none.
/// </summary>
/// <param name="FoundByCommit">Open pull requests the commit lookup returned (empty when it was not needed).</param>
internal sealed record ReportTarget(PullRequestRef? PullRequest, ReportPublisher? Publisher, ExistingReport? Existing, IReadOnlyList<PullRequestRef> FoundByCommit, bool LookedUpCommit);
