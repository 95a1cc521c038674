using Octokit;

namespace Klinky.Action.Comments;

/// <summary>Who the token comments as, and its earlier report comments for one key, oldest first.</summary>
internal sealed record ExistingComments(string Author, IReadOnlyList<IssueComment> Ours);
