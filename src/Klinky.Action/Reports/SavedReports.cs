using Klinky.Action.Comments;
using Klinky.Action.Runner;
using Klinky.Reporting;

namespace Klinky.Action.Reports;

/// <summary>
/// The saved figures of the report comment, trusted only in a comment that carries this report's marker on its first
/// line and was written by the identity this run comments as (<see cref="CommentPublisher.FindAsync"/> keeps only
/// those), and only when the data carries this API key's signature (Core's <see cref="ReportData"/>).
/// </summary>
internal static class SavedReports
{
    /// <summary>The newest trusted saved report, or null (then the run refreshes); a failed GitHub read is reported when publishing.</summary>
    public static async Task<SavedReport?> ReadAsync(Task<ReportTarget>? target, string apiKey, DateTimeOffset now, ActionLog log)
    {
        ExistingComments? existing;
        try
        {
            existing = target is null ? null : (await target).Existing;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return null;
        }

        foreach (var comment in (existing?.Ours ?? Array.Empty<Octokit.IssueComment>()).Reverse())
        {
            var read = ReportData.Read(comment.Body, apiKey, now);
            if (read.Report is not null)
            {
                return read.Report;
            }

            if (read.Problem is not null)
            {
                log.Info($"Klinky: the report comment's saved figures were ignored: {read.Problem}.");
            }
        }

        return null;
    }
}
