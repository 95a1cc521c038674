using Octokit;

namespace Klinky.Action.Comments;

/// <summary>Who the token comments as, and its earlier report comments for one key, oldest first.</summary>
public sealed record ExistingComments(string Author, IReadOnlyList<IssueComment> Ours);
