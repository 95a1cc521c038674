using Klinky.Action.Runner;
using Klinky.Reporting;

namespace Klinky.Action.Reports;

/// <summary>
/// The saved figures of the report comment, trusted only in the report the publishing layer found: the newest comment
/// that carries this report's marker on its first line and was written by the identity this run comments as
/// (<see cref="Klinky.Publishing.ExistingReport"/> keeps only those), and only when the data carries this API key's
/// signature (Core's <see cref="ReportData"/>). Racing first runs can leave two such comments (the publisher keeps the
/// oldest and removes the others): the freshest figures among them are what the run starts from.
/// </summary>
internal static class SavedReports
{
    /// <summary>The trusted saved report, or null (then the run refreshes); a failed GitHub read is reported when publishing.</summary>
    public static async Task<SavedReport?> ReadAsync(Task<TargetLookup>? target, string apiKey, DateTimeOffset now, ActionLog log)
    {
        // The lookup returns GitHub's failures as values: a failed read leaves nothing saved, and publishing reports it.
        var ours = target is null ? null : (await target).Target?.Existing?.Ours;
        SavedReport? freshest = null;
        foreach (var comment in ours ?? Array.Empty<Klinky.Publishing.ReportComment>())
        {
            var read = ReportData.Read(comment.Body, apiKey, now);
            if (read.Problem is not null)
            {
                log.Info($"Klinky: the report comment's saved figures were ignored: {read.Problem}.");
            }
            else if (read.Report is { } report && (freshest is null || report.OldestReadAt > freshest.OldestReadAt))
            {
                freshest = report;
            }
        }

        return freshest;
    }
}
