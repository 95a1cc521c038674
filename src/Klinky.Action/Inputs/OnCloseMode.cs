namespace Klinky.Action.Inputs;

/// <summary>The <c>on-close</c> input: what a <c>pull_request</c> <c>closed</c> event does to the pull request's links.</summary>
internal enum OnCloseMode
{
    /// <summary>Turn the links off (<c>is_active: false</c>): they stop redirecting, their numbers stay readable.</summary>
    Deactivate,

    /// <summary>Delete the links and their numbers: the slugs become free again.</summary>
    Delete,

    /// <summary>Leave the links alone; the run reports as on any other event.</summary>
    Off,
}
