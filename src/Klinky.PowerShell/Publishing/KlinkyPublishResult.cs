namespace Klinky.PowerShell.Publishing;

/// <summary>What Publish-KlinkyReport did: where, to which comment, and the gate's status when one was set.</summary>
public sealed class KlinkyPublishResult
{
    public string Platform { get; set; } = "";

    /// <summary>The pull or merge request, as the platform names it.</summary>
    public string Target { get; set; } = "";

    /// <summary>Created, Updated, Unchanged, Recreated, Deleted, or None (nothing to report and nothing to remove).</summary>
    public string Action { get; set; } = "None";

    public string? CommentId { get; set; }

    public string? CommentUrl { get; set; }

    /// <summary>Pending, Success or Failure when -Status was given.</summary>
    public string? Status { get; set; }

    public string? StatusDescription { get; set; }
}
