namespace Klinky.Reporting;

/// <summary>What <see cref="ReportData.Read"/> found: the saved report, or why there is none to trust.</summary>
internal sealed class SavedReportRead
{
    private SavedReportRead(SavedReport? report, string? problem)
    {
        Report = report;
        Problem = problem;
    }

    /// <summary>The saved figures, signed by this key and within every limit; null otherwise.</summary>
    public SavedReport? Report { get; }

    /// <summary>Why the data was ignored (for the log), or null when there was none or it was trusted.</summary>
    public string? Problem { get; }

    internal static SavedReportRead None { get; } = new(null, null);

    internal static SavedReportRead Trusted(SavedReport report) => new(report, null);

    internal static SavedReportRead Ignored(string problem) => new(null, problem);
}
