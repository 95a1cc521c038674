using System.Globalization;
using Klinky.Action.Inputs;
using Klinky.Ci;
using Klinky.Publishing;
using Klinky.Publishing.Gate;
using Klinky.Publishing.GitHub;
using Klinky.Reporting;
using Octokit;

namespace Klinky.Action.Runner;

/// <summary>
/// The action's side of GitHub: finds where the report goes (the event's pull request, or the commit's open one),
/// then has the publishing layer post, update, hide or delete the report comment, set the gate's status, or comment
/// on the commit. Failures become one warning or error (<see cref="CommentFailure"/>), never a lost report in
/// silence: the job summary always has it. Holds no state that changes during a run.
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
    /// pull requests when the event names none (one request), then who the token is and its report comments. A GitHub
    /// failure is returned, not thrown.
    /// </summary>
    public async Task<TargetLookup> FindTargetAsync(PullRequestRef? fromEvent, bool lookUpCommit, CancellationToken cancellationToken)
    {
        var where = fromEvent?.ToString() ?? _context.Repository ?? "the repository";
        try
        {
            var pullRequest = fromEvent;
            IReadOnlyList<PullRequestRef> found = Array.Empty<PullRequestRef>();
            if (pullRequest is null && lookUpCommit && GitHubRepository.TryParse(_context.Repository) is { } repository)
            {
                found = await CommitPullRequests.FindOpenAsync(_github, repository.Owner, repository.Name, _context.Commit!, cancellationToken);
                pullRequest = found.FirstOrDefault();
            }

            where = pullRequest?.ToString() ?? where;
            var publisher = pullRequest is null ? null : new ReportPublisher(new GitHubPlatform(_github, pullRequest, _minimizer, _context.Commit));
            var existing = publisher is null || _inputs.CommentMode == CommentMode.Off
                ? null
                : await publisher.FindAsync(MarkdownReport.Marker(_inputs.CommentKey), cancellationToken);
            return new TargetLookup(new ReportTarget(pullRequest, publisher, existing, found, lookUpCommit && fromEvent is null), null, where);
        }
        catch (Exception ex) when (IsGitHubFailure(ex, cancellationToken))
        {
            return new TargetLookup(null, ex, where);
        }
    }

    public async Task<int> PublishAsync(TargetLookup lookup, ReportBuild report, CancellationToken cancellationToken)
    {
        if (lookup.Target is not { } found)
        {
            return Fail(lookup.Failure!, lookup.Where, GitHubWrite.PullRequestComment);
        }

        if (found.PullRequest is not { } pullRequest || found.Publisher is not { } publisher)
        {
            return await NoPullRequestAsync(found, report, cancellationToken);
        }

        var started = _time.GetTimestamp();
        var where = pullRequest.ToString();
        SetPullRequestOutput(pullRequest);
        if (found.FoundByCommit.Count > 1)
        {
            _log.Notice($"Commit {Short(_context.Commit)} heads {found.FoundByCommit.Count} open pull requests ({string.Join(", ", found.FoundByCommit.Select(p => "#" + p.Number.ToString(CultureInfo.InvariantCulture)))}); the report goes to #{pullRequest.Number}. Set 'pr-number' to choose.", "Klinky report");
        }

        CommentOutcome? outcome = null;
        try
        {
            if (found.Existing is { } existing)
            {
                outcome = report.Stats.Count == 0
                    ? await publisher.RetireAsync(existing, _inputs.CommentMode, cancellationToken)
                    : await publisher.PublishAsync(existing, report.Comment, _inputs.CommentMode, cancellationToken);
                Report(outcome, where, started);
            }
        }
        catch (Exception ex) when (IsGitHubFailure(ex, cancellationToken))
        {
            return Fail(ex, where, GitHubWrite.PullRequestComment);
        }

        return _inputs.Status ? await SetStatusAsync(publisher, report, outcome, where, cancellationToken) : ExitCodes.Success;
    }

    /// <summary>Edits the report comment in place (whatever <c>comment-mode</c> says: a closed pull request's report stays where it was).</summary>
    public async Task<int> UpdateInPlaceAsync(TargetLookup lookup, Func<string?, string> body, CancellationToken cancellationToken)
    {
        if (lookup.Target is not { } found)
        {
            return Fail(lookup.Failure!, _context.Repository ?? "the pull request", GitHubWrite.PullRequestComment);
        }

        if (found.PullRequest is not { } pullRequest || found.Publisher is not { } publisher || found.Existing is not { } existing)
        {
            return ExitCodes.Success;
        }

        var started = _time.GetTimestamp();
        try
        {
            var outcome = await publisher.PublishAsync(existing, body(existing.Ours.Count == 0 ? null : existing.Ours[0].Body), CommentMode.Update, cancellationToken);
            Report(outcome, pullRequest.ToString(), started);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (IsGitHubFailure(ex, cancellationToken))
        {
            return Fail(ex, _context.Repository ?? "the pull request", GitHubWrite.PullRequestComment);
        }
    }

    /// <summary>The merge gate: the verdict as a <c>klinky/&lt;key&gt;</c> commit status, pointing at the report comment.</summary>
    private async Task<int> SetStatusAsync(ReportPublisher publisher, ReportBuild report, CommentOutcome? outcome, string where, CancellationToken cancellationToken)
    {
        var status = ReportGate.Decide(report.Stats, _inputs.CommentKey, outcome?.HtmlUrl ?? _context.RunUrl);
        try
        {
            await publisher.Platform.SetStatusAsync(status, cancellationToken);
            _commands.SetOutput("status", status.State.ToString().ToLowerInvariant());
            _log.Info($"Status {status.Context} set to {status.State.ToString().ToLowerInvariant()} on {Short(_context.Commit)}: {status.Description}");
            return ExitCodes.Success;
        }
        catch (Exception ex) when (IsGitHubFailure(ex, cancellationToken) || ex is PublishingException)
        {
            return Fail(ex, where, GitHubWrite.Status);
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
            case NoPullRequestMode.CommitComment when _context.Commit is { } sha && GitHubRepository.TryParse(_context.Repository) is { } repository && report.Stats.Count > 0:
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
                    return Fail(ex, where, GitHubWrite.CommitComment);
                }

            default:
                _log.Notice($"No comment was posted: {why}; the report is in the job summary. Set 'pr-number', or 'no-pull-request: commit-comment' to comment on the commit.", "Klinky report");
                return ExitCodes.Success;
        }
    }

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
            _commands.SetOutput("comment-id", outcome.Id);
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

    private int Fail(Exception exception, string where, GitHubWrite write)
    {
        var failure = CommentFailure.Classify(exception, where, _context.IsForkPullRequest, _inputs.FailOnCommentError, write);
        if (failure.IsError)
        {
            _log.Error(failure.Message, write.Title);
            return ExitCodes.Failure;
        }

        _log.Warning(failure.Message, write.Title);
        return ExitCodes.Success;
    }

    private static bool IsGitHubFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is ApiException or HttpRequestException or TimeoutException or GitHubRateLimitException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static string Short(string? sha) => sha is { Length: > 7 } ? sha[..7] : sha ?? "(unknown)";
}
