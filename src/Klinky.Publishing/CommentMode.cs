namespace Klinky.Publishing;

/// <summary>The <c>comment-mode</c> input.</summary>
public enum CommentMode
{
    /// <summary>Edit the existing comment in place (no new notification); create it the first time.</summary>
    Update,

    /// <summary>Delete the existing comment and post a new one at the bottom of the conversation.</summary>
    Recreate,

    /// <summary>Do not comment; outputs and the job summary are still written.</summary>
    Off,

    /// <summary>As <see cref="Update"/>, but a run with nothing to report deletes the report instead of leaving it stale.</summary>
    Delete,

    /// <summary>
    /// Minimize (GraphQL <c>minimizeComment</c>, "outdated") the previous report and post a fresh one, so the history
    /// stays readable; a run with nothing to report only minimizes.
    /// </summary>
    Hide,
}
