using System.Globalization;
using Klinky.Action.Comments;
using Klinky.Action.Inputs;
using Klinky.Ci;
using Klinky.Reporting;
using Octokit;

namespace Klinky.Action.Runner;

/// <summary>
/// Everything the run writes to GitHub: finds where the report goes (the event's pull request, or the commit's open
/// one), then posts, updates, hides or deletes the report comment, or comments on the commit. Failures become one
/// warning or error (<see cref="CommentFailure"/>), never a lost report in silence: the job summary always has it.
/// </summary>
internal sealed class GitHubReporter
{
    private readonly IGitHubClient _github;
    private readonly CommentMinimizer _minimizer;
    private readonly ActionInputs _inputs;
    private readonly CiContext _context;
    private readonly ActionLog _log;
    private readonly GitHubFileCommands _commands;
    private readonly TimeProvider _time;

    // The pull request FindTargetAsync settled on, kept so a failure while reading its comments still names it.
    private PullRequestRef? _target;

    public GitHubReporter(IGitHubClient github, CommentMinimizer minimizer, ActionInputs inputs, CiContext context, ActionLog log, GitHubFileCommands commands, TimeProvider time)
    {
        _github = github;
        _minimizer = minimizer;
        _inputs = inputs;
        _context = context;
        _log = log;
        _commands = commands;
        _time = time;
    }

    /// <summary>
    /// GitHub's reads, independent of the report so the runner overlaps them with Klinky's requests: the commit's open
    /// pull requests when the event names none (one request), then who the token is and its report comments.
    /// </summary>
    public async Task<ReportTarget> FindTargetAsync(PullRequestRef? fromEvent, bool lookUpCommit, CancellationToken cancellationToken)
    {
        var pullRequest = fromEvent;
        IReadOnlyList<PullRequestRef> found = Array.Empty<PullRequestRef>();
        if (pullRequest is null && lookUpCommit && PullRequestRef.TryCreate(_context.Repository, 1) is { } repository)
        {
            found = await CommitPullRequests.FindOpenAsync(_github, repository.Owner, repository.Name, _context.Commit!, cancellationToken);
            pullRequest = found.FirstOrDefault();
        }

        _target = pullRequest;

        var existing = pullRequest is null || _inputs.CommentMode == CommentMode.Off
            ? null
            : await Publisher().FindAsync(pullRequest, MarkdownReport.Marker(_inputs.CommentKey), cancellationToken);
        return new ReportTarget(pullRequest, existing, found, lookUpCommit && fromEvent is null);
    }

    public async Task<int> PublishAsync(Task<ReportTarget> target, ReportBuild report, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var where = _context.Repository ?? "the repository";
        try
        {
            var found = await target;
            if (found.PullRequest is not { } pullRequest)
            {
                return await NoPullRequestAsync(found, report, cancellationToken);
            }

            where = pullRequest.ToString();
            SetPullRequestOutput(pullRequest);
            if (found.FoundByCommit.Count > 1)
            {
                _log.Notice($"Commit {Short(_context.Commit)} heads {found.FoundByCommit.Count} open pull requests ({string.Join(", ", found.FoundByCommit.Select(p => "#" + p.Number.ToString(CultureInfo.InvariantCulture)))}); the report goes to #{pullRequest.Number}. Set 'pr-number' to choose.", "Klinky report");
            }

            if (found.Existing is not { } existing)
            {
                return ExitCodes.Success;
            }

            var publisher = Publisher();
            var outcome = report.Stats.Count == 0
                ? await publisher.RetireAsync(pullRequest, existing, _inputs.CommentMode, cancellationToken)
                : await publisher.PublishAsync(pullRequest, existing, report.Comment, _inputs.CommentMode, cancellationToken);
            Report(outcome, pullRequest.ToString(), started);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (IsGitHubFailure(ex, cancellationToken))
        {
            return Fail(ex, _target?.ToString() ?? where, "pull-requests: write");
        }
    }

    /// <summary>Edits the report comment in place (whatever <c>comment-mode</c> says: a closed pull request's report stays where it was).</summary>
    public async Task<int> UpdateInPlaceAsync(Task<ReportTarget> target, Func<string?, string> body, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        try
        {
            var found = await target;
            if (found.PullRequest is not { } pullRequest || found.Existing is not { } existing)
            {
                return ExitCodes.Success;
            }

            var newest = existing.Ours.Count == 0 ? null : existing.Ours[0].Body;
            var outcome = await Publisher().PublishAsync(pullRequest, existing, body(newest), CommentMode.Update, cancellationToken);
            Report(outcome, pullRequest.ToString(), started);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (IsGitHubFailure(ex, cancellationToken))
        {
            return Fail(ex, _context.Repository ?? "the pull request", "pull-requests: write");
        }
    }

    private async Task<int> NoPullRequestAsync(ReportTarget found, ReportBuild report, CancellationToken cancellationToken)
    {
        var why = found.LookedUpCommit
            ? $"no open pull request has commit {Short(_context.Commit)} (event '{_context.EventName}')"
            : $"no pull request in this run's context (event '{_context.EventName ?? "unknown"}')";
        switch (_inputs.NoPullRequest)
        {
            case NoPullRequestMode.Fail:
                _log.Error($"The Klinky report has nowhere to go: {why}, and 'no-pull-request' is fail. The report is in the job summary.", "Klinky report");
                return ExitCodes.Failure;
            case NoPullRequestMode.CommitComment when _context.Commit is { } sha && PullRequestRef.TryCreate(_context.Repository, 1) is { } repository && report.Stats.Count > 0:
                var where = $"commit {Short(sha)}";
                try
                {
                    var started = _time.GetTimestamp();
                    var outcome = await new CommitCommentPublisher(_github).PublishAsync(repository.Owner, repository.Name, sha, MarkdownReport.Marker(_inputs.CommentKey), report.Comment, cancellationToken);
                    Report(outcome, where, started);
                    return ExitCodes.Success;
                }
                catch (Exception ex) when (IsGitHubFailure(ex, cancellationToken))
                {
                    return Fail(ex, where, "contents: write");
                }

            default:
                _log.Notice($"No comment was posted: {why}; the report is in the job summary. Set 'pr-number', or 'no-pull-request: commit-comment' to comment on the commit.", "Klinky report");
                return ExitCodes.Success;
        }
    }

    private CommentPublisher Publisher() => new(_github, _minimizer);

    private void SetPullRequestOutput(PullRequestRef pullRequest) =>
        _commands.SetOutput("pull-request", pullRequest.Number.ToString(CultureInfo.InvariantCulture));

    private void Report(CommentOutcome? outcome, string where, long started)
    {
        if (outcome is null)
        {
            _log.Info($"Nothing to report and no earlier report comment on {where}.");
            return;
        }

        if (outcome.Action != CommentAction.Deleted)
        {
            _commands.SetOutput("comment-id", outcome.Id.ToString(CultureInfo.InvariantCulture));
            _commands.SetOutput("comment-url", outcome.HtmlUrl ?? "");
        }

        _log.Info($"Report comment {Describe(outcome.Action)} on {where} as {outcome.Author} in {_time.GetElapsedTime(started).TotalMilliseconds:0} ms: {outcome.HtmlUrl}" +
            (outcome.DuplicatesDeleted > 0 ? $" ({outcome.DuplicatesDeleted} duplicate(s) deleted)" : ""));
    }

    private static string Describe(CommentAction action) => action switch
    {
        CommentAction.PostedAndHidPrevious => "posted (the previous one hidden as outdated)",
        CommentAction.Hidden => "hidden as outdated (nothing to report)",
        CommentAction.Deleted => "deleted (nothing to report)",
        _ => action.ToString().ToLowerInvariant(),
    };

    private int Fail(Exception exception, string where, string permission)
    {
        var failure = CommentFailure.Classify(exception, where, _context.IsForkPullRequest, _inputs.FailOnCommentError, permission);
        if (failure.IsError)
        {
            _log.Error(failure.Message, "Klinky report comment");
            return ExitCodes.Failure;
        }

        _log.Warning(failure.Message, "Klinky report comment");
        return ExitCodes.Success;
    }

    private static bool IsGitHubFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is ApiException or HttpRequestException or TimeoutException or GitHubRateLimitException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static string Short(string? sha) => sha is { Length: > 7 } ? sha[..7] : sha ?? "(unknown)";
}
