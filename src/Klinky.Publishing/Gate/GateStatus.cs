namespace Klinky.Publishing.Gate;

/// <summary>One status on the pull request's head commit: <c>klinky/&lt;comment-key&gt;</c>, its state, the verdict line, the report's URL.</summary>
public sealed record GateStatus(GateState State, string Context, string Description, string? TargetUrl)
{
    /// <summary>GitHub's limit for a status description; the others allow more, so one length serves all.</summary>
    public const int MaxDescriptionLength = 140;

    /// <summary>The status name for a report key, the same on every platform.</summary>
    public static string ContextFor(string commentKey) => "klinky/" + commentKey;
}
