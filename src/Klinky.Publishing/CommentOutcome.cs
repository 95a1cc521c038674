namespace Klinky.Publishing;

/// <summary>The report comment after publishing, and how many duplicate comments of racing runs were removed.</summary>
/// <param name="Id">The platform's id of the comment (a GitHub comment id, an Azure DevOps thread id, a GitLab note id).</param>
public sealed record CommentOutcome(CommentAction Action, string Id, string? HtmlUrl, string Author, int DuplicatesDeleted);
