using System.Globalization;
using Octokit;

namespace Klinky.Publishing.GitHub;

/// <summary>
/// The report as a comment on a commit (<c>no-pull-request: commit-comment</c>), recognised as the pull request
/// comment is: its marker on the first line and its author. GitHub calls: <c>GET /user</c>, the commit's comment
/// pages, and one write (none when the body is unchanged).
/// </summary>
public sealed class CommitCommentPublisher
{
    private readonly IGitHubClient _github;

    public CommitCommentPublisher(IGitHubClient github) => _github = github ?? throw new ArgumentNullException(nameof(github));

    public async Task<CommentOutcome> PublishAsync(string owner, string name, string sha, string marker, string body, CancellationToken cancellationToken)
    {
        Check.NotEmpty(sha, nameof(sha));
        Check.NotEmpty(marker, nameof(marker));
        Check.NotNull(body, nameof(body));
        var author = await GitHubPlatform.ResolveAuthorAsync(_github, cancellationToken);
        var all = await _github.Repository.Comment
            .GetAllForCommit(owner, name, sha, new ApiOptions { PageSize = 100 })
            .WaitAsync(cancellationToken);
        var ours = all
            .Where(c => ReportPublisher.IsReport(c.Body, marker) && string.Equals(c.User?.Login, author, StringComparison.OrdinalIgnoreCase))
            .OrderBy(c => c.CreatedAt)
            .ThenBy(c => c.Id)
            .FirstOrDefault();
        if (ours is null)
        {
            var created = await _github.Repository.Comment.Create(owner, name, sha, new NewCommitComment(body)).WaitAsync(cancellationToken);
            return new CommentOutcome(CommentAction.Created, created.Id.ToString(CultureInfo.InvariantCulture), created.HtmlUrl, author, 0);
        }

        if (ReportPublisher.SameBody(ours.Body, body))
        {
            return new CommentOutcome(CommentAction.Unchanged, ours.Id.ToString(CultureInfo.InvariantCulture), ours.HtmlUrl, author, 0);
        }

        var updated = await _github.Repository.Comment.Update(owner, name, ours.Id, body).WaitAsync(cancellationToken);
        return new CommentOutcome(CommentAction.Updated, ours.Id.ToString(CultureInfo.InvariantCulture), updated.HtmlUrl ?? ours.HtmlUrl, author, 0);
    }
}
