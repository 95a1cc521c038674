using System.Globalization;
using Klinky.Publishing.Gate;
using Octokit;

namespace Klinky.Publishing.GitHub;

/// <summary>
/// GitHub through Octokit: a pull request's issue comments, hidden through GraphQL's <c>minimizeComment</c>, and the
/// gate as a commit status on the head commit (<c>statuses: write</c>).
/// </summary>
public sealed class GitHubPlatform : IReportPlatform
{
    /// <summary>Who the workflow's <c>GITHUB_TOKEN</c> comments as; <c>GET /user</c> is forbidden to that token.</summary>
    public const string ActionsBotLogin = "github-actions[bot]";

    private readonly IGitHubClient _github;
    private readonly PullRequestRef _pullRequest;
    private readonly CommentMinimizer? _minimizer;
    private readonly string? _headCommit;

    /// <param name="minimizer">Needed for <c>comment-mode: hide</c> only.</param>
    /// <param name="headCommit">The pull request's head commit, for the gate's status.</param>
    public GitHubPlatform(IGitHubClient github, PullRequestRef pullRequest, CommentMinimizer? minimizer, string? headCommit)
    {
        _github = Check.NotNull(github, nameof(github));
        _pullRequest = Check.NotNull(pullRequest, nameof(pullRequest));
        _minimizer = minimizer;
        _headCommit = headCommit;
    }

    public string Name => "GitHub";

    public string Where => _pullRequest.ToString();

    public bool CanHide => _minimizer is not null;

    public Task<string> WhoAmIAsync(CancellationToken cancellationToken) => ResolveAuthorAsync(_github, cancellationToken);

    public async Task<IReadOnlyList<ReportComment>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await _github.Issue.Comment
            .GetAllForIssue(_pullRequest.Owner, _pullRequest.Name, _pullRequest.Number, new ApiOptions { PageSize = 100 })
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return all.Select(ToReport).ToList();
    }

    public async Task<ReportComment> CreateAsync(string body, CancellationToken cancellationToken) =>
        ToReport(await _github.Issue.Comment.Create(_pullRequest.Owner, _pullRequest.Name, _pullRequest.Number, body).WaitAsync(cancellationToken).ConfigureAwait(false));

    public async Task<ReportComment> UpdateAsync(ReportComment comment, string body, CancellationToken cancellationToken) =>
        ToReport(await _github.Issue.Comment.Update(_pullRequest.Owner, _pullRequest.Name, IdOf(comment), body).WaitAsync(cancellationToken).ConfigureAwait(false));

    public Task DeleteAsync(ReportComment comment, CancellationToken cancellationToken) =>
        _github.Issue.Comment.Delete(_pullRequest.Owner, _pullRequest.Name, IdOf(comment)).WaitAsync(cancellationToken);

    public Task HideAsync(ReportComment comment, CancellationToken cancellationToken) =>
        (_minimizer ?? throw new InvalidOperationException("comment-mode: hide needs the GraphQL endpoint."))
            .MinimizeAsync(comment.Handle ?? "", cancellationToken);

    public async Task SetStatusAsync(GateStatus status, CancellationToken cancellationToken)
    {
        Check.NotNull(status, nameof(status));
        var sha = _headCommit ?? throw new PublishingException("The pull request's head commit is unknown, so the gate's status has no commit to go on.", "GitHub", null);
        var state = status.State switch
        {
            GateState.Success => CommitState.Success,
            GateState.Failure => CommitState.Failure,
            _ => CommitState.Pending,
        };
        await _github.Repository.Status.Create(_pullRequest.Owner, _pullRequest.Name, sha, new NewCommitStatus
        {
            State = state,
            Context = status.Context,
            Description = status.Description,
            TargetUrl = status.TargetUrl,
        }).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Who the token writes as: its user, or the Actions bot for the workflow's installation token.</summary>
    public static async Task<string> ResolveAuthorAsync(IGitHubClient github, CancellationToken cancellationToken)
    {
        try
        {
            var user = await github.User.Current().WaitAsync(cancellationToken).ConfigureAwait(false);
            return user.Login;
        }
        catch (ForbiddenException ex) when (ex is not (RateLimitExceededException or SecondaryRateLimitExceededException or AbuseException))
        {
            // "Resource not accessible by integration": an installation token (GITHUB_TOKEN) acts as the Actions bot.
            return ActionsBotLogin;
        }
    }

    private static long IdOf(ReportComment comment) => long.Parse(comment.Id, CultureInfo.InvariantCulture);

    private static ReportComment ToReport(IssueComment c) =>
        new(c.Id.ToString(CultureInfo.InvariantCulture), c.Body, c.HtmlUrl, c.User?.Login ?? "", c.CreatedAt) { Handle = c.NodeId };
}
