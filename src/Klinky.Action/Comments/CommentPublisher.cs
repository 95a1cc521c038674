using Klinky.Action.Inputs;
using Octokit;

namespace Klinky.Action.Comments;

/// <summary>
/// Keeps ONE report comment per pull request and comment key. The comment is recognised by its exact hidden marker AND
/// by its author (the token's own user), so a comment someone else wrote with a copied marker is never touched.
/// GitHub calls: <c>GET /user</c>, the comment pages, and one write (plus a delete per duplicate left by racing runs).
/// </summary>
internal sealed class CommentPublisher
{
    /// <summary>Who the workflow's <c>GITHUB_TOKEN</c> comments as; <c>GET /user</c> is forbidden to that token.</summary>
    public const string ActionsBotLogin = "github-actions[bot]";

    private readonly IGitHubClient _github;
    private readonly CommentMinimizer? _minimizer;

    /// <param name="minimizer">Needed for <c>comment-mode: hide</c> only.</param>
    public CommentPublisher(IGitHubClient github, CommentMinimizer? minimizer = null)
    {
        _github = github ?? throw new ArgumentNullException(nameof(github));
        _minimizer = minimizer;
    }

    /// <summary>
    /// Reads who the token is and the report comments it left (every page). Independent of the report, so the runner
    /// starts it while Klinky is still being asked for stats.
    /// </summary>
    /// <exception cref="ApiException">GitHub refused a call (404 for a wrong PR number, 401 for a bad token).</exception>
    public async Task<ExistingComments> FindAsync(PullRequestRef pullRequest, string marker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pullRequest);
        ArgumentException.ThrowIfNullOrEmpty(marker);
        var author = await ResolveAuthorAsync(_github, cancellationToken);
        var all = await _github.Issue.Comment
            .GetAllForIssue(pullRequest.Owner, pullRequest.Name, pullRequest.Number, new ApiOptions { PageSize = 100 })
            .WaitAsync(cancellationToken);
        var ours = all
            // The report's first line is the marker: a comment merely quoting it is not a report.
            .Where(c => IsReport(c.Body, marker) && string.Equals(c.User?.Login, author, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.CreatedAt)
            .ThenBy(c => c.Id)
            .ToList();
        return new ExistingComments(author, ours);
    }

    /// <summary>
    /// Creates, updates or leaves the report comment; removes duplicates. One write unless racing runs left duplicates;
    /// <c>hide</c> posts the new report and minimizes the previous one (one GraphQL call).
    /// </summary>
    /// <exception cref="ApiException">GitHub refused a write (403 for a read-only token).</exception>
    public async Task<CommentOutcome> PublishAsync(PullRequestRef pullRequest, ExistingComments existing, string body, CommentMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pullRequest);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(body);
        var (author, ours) = (existing.Author, existing.Ours);
        if (mode == CommentMode.Hide)
        {
            return await PostAndHideAsync(pullRequest, existing, body, cancellationToken);
        }

        var recreate = mode == CommentMode.Recreate;
        if (recreate || ours.Count == 0)
        {
            // Create before deleting: if the write is refused, the old report stays.
            var created = await _github.Issue.Comment.Create(pullRequest.Owner, pullRequest.Name, pullRequest.Number, body).WaitAsync(cancellationToken);
            await DeleteAsync(pullRequest, ours, cancellationToken);
            return new CommentOutcome(ours.Count == 0 ? CommentAction.Created : CommentAction.Recreated, created.Id, created.HtmlUrl, author, recreate ? 0 : ours.Count);
        }

        // Racing runs can each create a comment; the oldest is the one people have seen and linked to, so it stays.
        var keeper = ours[0];
        var duplicates = ours.Skip(1).ToList();
        var action = CommentAction.Unchanged;
        var url = keeper.HtmlUrl;
        if (!SameBody(keeper.Body, body))
        {
            var updated = await _github.Issue.Comment.Update(pullRequest.Owner, pullRequest.Name, keeper.Id, body).WaitAsync(cancellationToken);
            url = updated.HtmlUrl ?? url;
            action = CommentAction.Updated;
        }

        await DeleteAsync(pullRequest, duplicates, cancellationToken);
        return new CommentOutcome(action, keeper.Id, url, author, duplicates.Count);
    }

    /// <summary>
    /// Nothing to report: <c>delete</c> removes every report comment of this key (one request each), <c>hide</c>
    /// minimizes the newest (older ones were hidden by the runs that followed them). Null when there was none.
    /// </summary>
    public async Task<CommentOutcome?> RetireAsync(PullRequestRef pullRequest, ExistingComments existing, CommentMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pullRequest);
        ArgumentNullException.ThrowIfNull(existing);
        if (existing.Ours.Count == 0 || mode is not (CommentMode.Delete or CommentMode.Hide))
        {
            return null;
        }

        var newest = existing.Ours[^1];
        if (mode == CommentMode.Hide)
        {
            await MinimizerOrThrow().MinimizeAsync(newest.NodeId, cancellationToken);
            return new CommentOutcome(CommentAction.Hidden, newest.Id, newest.HtmlUrl, existing.Author, 0);
        }

        await DeleteAsync(pullRequest, existing.Ours, cancellationToken);
        return new CommentOutcome(CommentAction.Deleted, newest.Id, null, existing.Author, existing.Ours.Count - 1);
    }

    private async Task<CommentOutcome> PostAndHideAsync(PullRequestRef pullRequest, ExistingComments existing, string body, CancellationToken cancellationToken)
    {
        // The newest report is the visible one; when it already says this, a fresh copy would only notify people.
        var newest = existing.Ours.Count == 0 ? null : existing.Ours[^1];
        if (newest is not null && SameBody(newest.Body, body))
        {
            return new CommentOutcome(CommentAction.Unchanged, newest.Id, newest.HtmlUrl, existing.Author, 0);
        }

        var minimizer = MinimizerOrThrow();
        var created = await _github.Issue.Comment.Create(pullRequest.Owner, pullRequest.Name, pullRequest.Number, body).WaitAsync(cancellationToken);
        if (newest is not null)
        {
            await minimizer.MinimizeAsync(newest.NodeId, cancellationToken);
        }

        return new CommentOutcome(newest is null ? CommentAction.Created : CommentAction.PostedAndHidPrevious, created.Id, created.HtmlUrl, existing.Author, 0);
    }

    private CommentMinimizer MinimizerOrThrow() =>
        _minimizer ?? throw new InvalidOperationException("comment-mode: hide needs the GraphQL endpoint.");

    // GitHub stores bodies with CRLF as sent and may drop trailing whitespace; neither is a change worth a notification.
    internal static bool SameBody(string? existing, string wanted) =>
        string.Equals(Normalize(existing ?? ""), Normalize(wanted), StringComparison.Ordinal);

    private static string Normalize(string body) => body.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();

    /// <summary>Who the token writes as: its user, or the Actions bot for the workflow's installation token.</summary>
    internal static async Task<string> ResolveAuthorAsync(IGitHubClient github, CancellationToken cancellationToken)
    {
        try
        {
            var user = await github.User.Current().WaitAsync(cancellationToken);
            return user.Login;
        }
        catch (ForbiddenException ex) when (ex is not (RateLimitExceededException or SecondaryRateLimitExceededException or AbuseException))
        {
            // "Resource not accessible by integration": an installation token (GITHUB_TOKEN) acts as the Actions bot.
            return ActionsBotLogin;
        }
    }

    internal static bool IsReport(string? body, string marker) =>
        body is not null && body.StartsWith(marker, StringComparison.Ordinal)
        && (body.Length == marker.Length || body[marker.Length] is '\n' or '\r');

    private async Task DeleteAsync(PullRequestRef pullRequest, IEnumerable<IssueComment> comments, CancellationToken cancellationToken)
    {
        foreach (var comment in comments)
        {
            await _github.Issue.Comment.Delete(pullRequest.Owner, pullRequest.Name, comment.Id).WaitAsync(cancellationToken);
        }
    }
}
