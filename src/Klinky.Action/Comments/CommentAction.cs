namespace Klinky.Action.Comments;

/// <summary>What the publisher did to the pull request's report comment.</summary>
public enum CommentAction
{
    Created,
    Updated,

    /// <summary>The comment already had this body: nothing was written, so nobody was notified.</summary>
    Unchanged,

    /// <summary>The old comment was replaced by a new one at the bottom (<c>comment-mode: recreate</c>).</summary>
    Recreated,
}
