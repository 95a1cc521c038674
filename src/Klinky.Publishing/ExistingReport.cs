namespace Klinky.Publishing;

/// <summary>
/// Who the token writes as, and the report comments of one key that this same identity wrote, oldest first. A comment
/// carrying the marker but written by anyone else is not here: its body is untrusted input and is never read or edited.
/// </summary>
public sealed record ExistingReport(string Author, IReadOnlyList<ReportComment> Ours)
{
    /// <summary>The body of the report people see (the newest of ours), for a writer that keeps data in it; null when none.</summary>
    public string? NewestBody => Ours.Count == 0 ? null : Ours[Ours.Count - 1].Body;
}
