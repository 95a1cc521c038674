using Klinky.Reporting;
using Klinky.Stats;

namespace Klinky.Tests.Reporting;

public class VerdictTextTests
{
    private static LinkStats Collecting() => new()
    {
        LinkId = "l1",
        ControlLabel = "control",
        Status = StatsStatus.InsufficientData,
        AutoWinnerThreshold = 100,
        Variants = new[]
        {
            new VariantStats { Label = "control", Weight = 50, Clicks = 40 },
            new VariantStats { Label = "variant_b", Weight = 50, Clicks = 30, Verdict = VariantVerdict.Inconclusive },
        },
    };

    [Fact]
    public void For_ALinkStillCollecting_IsTheReportsHeadlineWithoutMarkdownOrSymbol()
    {
        var text = VerdictText.For(Collecting());

        Assert.StartsWith("Collecting data: 70 more clicks per variant needed (each variant needs 100; the fewest so far is 30).", text, StringComparison.Ordinal);
        Assert.DoesNotContain("*", text, StringComparison.Ordinal);
        Assert.Contains("**Collecting data: 70 more clicks per variant needed**", MarkdownReport.Render(new[] { Collecting() }), StringComparison.Ordinal);
    }

    [Fact]
    public void For_ALabelTheReportEscapes_ShowsItAsWritten()
    {
        var stats = Collecting() with { Status = StatsStatus.Significant, RecommendedWinner = "variant_b", WinnerLabel = "new_*look*" };

        Assert.StartsWith("Winner declared: new_*look*.", VerdictText.For(stats), StringComparison.Ordinal);
    }
}
