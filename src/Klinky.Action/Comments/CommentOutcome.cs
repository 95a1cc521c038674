namespace Klinky.Action.Comments;

/// <summary>The report comment after publishing, and how many duplicate comments of racing runs were removed.</summary>
internal sealed record CommentOutcome(CommentAction Action, long Id, string? HtmlUrl, string Author, int DuplicatesDeleted);
