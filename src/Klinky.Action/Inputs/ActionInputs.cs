using Klinky.Publishing;
using Klinky.Reporting;

namespace Klinky.Action.Inputs;

/// <summary>The action's inputs after parsing and validation: every value here is usable as is.</summary>
internal sealed class ActionInputs
{
    public required string ApiKey { get; init; }

    public string BaseUrl { get; init; } = KlinkyClientOptions.DefaultBaseUrl;

    /// <summary>Null when the workflow passed an empty token (then no comment can be posted).</summary>
    public string? GitHubToken { get; init; }

    /// <summary>Slugs or ids from <c>links</c>, in the order given, without duplicates.</summary>
    public IReadOnlyList<string> Links { get; init; } = Array.Empty<string>();

    public string? SlugPrefix { get; init; }

    /// <summary>A path or glob of Klinky.Build manifests, relative to the working directory.</summary>
    public string? Manifest { get; init; }

    public string CommentKey { get; init; } = ActionInputsParser.DefaultCommentKey;

    public CommentMode CommentMode { get; init; } = CommentMode.Update;

    public ReportChart Chart { get; init; } = ReportChart.Both;

    public bool JobSummary { get; init; } = true;

    public bool FailOnCommentError { get; init; }

    /// <summary>The merge gate: a <c>klinky/&lt;comment-key&gt;</c> commit status on the pull request's head commit (opt-in).</summary>
    public bool Status { get; init; }

    /// <summary>Explicit pull request (for <c>workflow_run</c>, <c>push</c>, <c>workflow_dispatch</c>); null when not given.</summary>
    public int? PullRequestNumber { get; init; }

    public NoPullRequestMode NoPullRequest { get; init; } = NoPullRequestMode.Summary;

    public OnCloseMode OnClose { get; init; } = OnCloseMode.Deactivate;

    /// <summary>The relative uplift "visitors still needed" is planned for (0.1 for +10%); null keeps the stats' own (+20%).</summary>
    public double? MinimumEffect { get; init; }

    /// <summary>A push within this long of the figures' last read re-renders them from the report comment, spending 0 Klinky requests.</summary>
    public TimeSpan RefreshAfter { get; init; } = TimeSpan.FromMinutes(ActionInputsParser.DefaultRefreshAfterMinutes);

    /// <summary>Requests of the key's window the report never spends: left to builds creating preview links.</summary>
    public int BudgetReserve { get; init; } = Klinky.RateLimits.RequestBudget.DefaultReserve;

    /// <summary>Fail the step when no figure could be refreshed (by default a notice: the report shows its saved figures).</summary>
    public bool FailOnStale { get; init; }

    /// <summary>The longest GitHub rate-limit wait the run sits out (once) before reporting the limit instead.</summary>
    public TimeSpan GitHubRateLimitWait { get; init; } = TimeSpan.FromSeconds(ActionInputsParser.DefaultGitHubRateLimitWaitSeconds);
}
