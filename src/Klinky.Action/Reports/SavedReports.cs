using Klinky.Action.Runner;
using Klinky.Reporting;

namespace Klinky.Action.Reports;

/// <summary>
/// The saved figures of the report comment, trusted only in the report the publishing layer found: the newest comment
/// that carries this report's marker on its first line and was written by the identity this run comments as
/// (<see cref="Klinky.Publishing.ExistingReport"/> keeps only those), and only when the data carries this API key's
/// signature (Core's <see cref="ReportData"/>).
/// </summary>
internal static class SavedReports
{
    /// <summary>The trusted saved report, or null (then the run refreshes); a failed GitHub read is reported when publishing.</summary>
    public static async Task<SavedReport?> ReadAsync(Task<TargetLookup>? target, string apiKey, DateTimeOffset now, ActionLog log)
    {
        // The lookup returns GitHub's failures as values: a failed read leaves nothing saved, and publishing reports it.
        var body = target is null ? null : (await target).Target?.Existing?.NewestBody;
        var read = ReportData.Read(body, apiKey, now);
        if (read.Problem is not null)
        {
            log.Info($"Klinky: the report comment's saved figures were ignored: {read.Problem}.");
        }

        return read.Report;
    }
}
