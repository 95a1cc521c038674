using Klinky.Reporting;
using Klinky.Stats;

namespace Klinky.Tests.Reporting;

/// <summary>
/// The verdict memory travels in the report comment's saved data, so the report's verdict is sticky across pushes: the
/// next run restores it (<see cref="SavedLink.Remember"/>, Core's <see cref="StatsCalculator.WithMemory"/>) and a verdict
/// once shown stands even when the next read's counts alone would not reach it.
/// </summary>
public class SavedLinkMemoryTests
{
    private const string Key = "klinky_live_0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset FirstPush = new(2026, 12, 6, 14, 5, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SecondPush = FirstPush.AddHours(2);

    // A preview that converts far better, then more traffic on which the two convert alike.
    private static LinkStats FirstRead() => Read(("control", 4000, 700), ("preview", 4000, 1200));

    private static LinkStats SecondRead() => Read(("control", 40000, 10000), ("preview", 40000, 10030));

    [Fact]
    public void ASignificantVerdict_StaysSignificantOnTheNextPush_FromTheMemorySavedInTheComment()
    {
        var first = SavedLink.Remember(FirstRead(), saved: null, FirstPush);
        Assert.Equal(StatsStatus.Significant, first.Status);
        var line = ReportData.Write(new SavedReport(new[] { SavedLink.From(first, FirstPush) }), Key);

        var saved = Assert.Single(ReportData.Read(Comment(line), Key, SecondPush).Report!.Links);
        var second = SavedLink.Remember(SecondRead(), saved, SecondPush);

        // The counts alone no longer reach the verdict: only the saved memory keeps it.
        Assert.NotEqual(StatsStatus.Significant, SavedLink.Remember(SecondRead(), saved: null, SecondPush).Status);
        Assert.Equal(StatsStatus.Significant, second.Status);
        Assert.Equal(first.RecommendedWinner, second.RecommendedWinner);
        Assert.NotNull(second.Memory);
    }

    [Fact]
    public void ReRenderingSavedFigures_ShowsTheVerdictTheyWereSavedWith()
    {
        var significant = SavedLink.Remember(FirstRead(), saved: null, FirstPush);
        var diluted = SavedLink.Remember(SecondRead(), SavedLink.From(significant, FirstPush), SecondPush);
        var line = ReportData.Write(new SavedReport(new[] { SavedLink.From(diluted, SecondPush) }), Key);

        var saved = Assert.Single(ReportData.Read(Comment(line), Key, SecondPush.AddMinutes(1)).Report!.Links);

        Assert.NotNull(saved.Memory);
        Assert.Equal(StatsStatus.Significant, saved.ToStats().Status);
        Assert.NotEqual(StatsStatus.Significant, (saved with { Memory = null }).ToStats().Status);
    }

    [Fact]
    public void Read_SignedDataWithAnUnreadableMemory_IsIgnoredNeverThrown()
    {
        var link = SavedLink.From(FirstRead(), FirstPush) with { Memory = new VerdictMemory { Fingerprint = new string('x', 5000) } };
        var line = ReportData.Write(new SavedReport(new[] { link }), Key);

        var read = ReportData.Read(Comment(line), Key, SecondPush);

        Assert.Null(read.Report);
        Assert.Contains("breaks a rule", read.Problem, StringComparison.Ordinal);
    }

    private static string Comment(string? dataLine) => ReportData.Append(MarkdownReport.Marker("default") + "\n## report\n", dataLine);

    private static LinkStats Read(params (string Label, long Clicks, long Conversions)[] variants) =>
        StatsCalculator.Compute("lnk_checkout", variants.Select(v => new VariantCounts(v.Label, 50, v.Clicks, v.Conversions)).ToList(), 100, null, DateRange.All);
}
