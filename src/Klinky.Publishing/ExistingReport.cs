namespace Klinky.Publishing;

/// <summary>
/// Who the token writes as, and the report comments of one key that this same identity wrote, oldest first. A comment
/// carrying the marker but written by anyone else is not here: its body is untrusted input and is never read or edited.
/// </summary>
public sealed record ExistingReport(string Author, IReadOnlyList<ReportComment> Ours);
