namespace Klinky.Action.Inputs;

/// <summary>The <c>comment-mode</c> input.</summary>
public enum CommentMode
{
    /// <summary>Edit the existing comment in place (no new notification); create it the first time.</summary>
    Update,

    /// <summary>Delete the existing comment and post a new one at the bottom of the conversation.</summary>
    Recreate,

    /// <summary>Do not comment; outputs and the job summary are still written.</summary>
    Off,
}
