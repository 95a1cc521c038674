namespace Klinky.Publishing;

/// <summary>What the publisher did to the pull request's report comment.</summary>
public enum CommentAction
{
    Created,
    Updated,

    /// <summary>The comment already had this body: nothing was written, so nobody was notified.</summary>
    Unchanged,

    /// <summary>The old comment was replaced by a new one at the bottom (<c>comment-mode: recreate</c>).</summary>
    Recreated,

    /// <summary>A fresh report was posted and the previous one minimized as outdated (<c>comment-mode: hide</c>).</summary>
    PostedAndHidPrevious,

    /// <summary>Nothing to report: the old report was minimized (<c>comment-mode: hide</c>).</summary>
    Hidden,

    /// <summary>Nothing to report: the old report was deleted (<c>comment-mode: delete</c>).</summary>
    Deleted,
}
