using Klinky.Reporting;
using Klinky.Stats;
using static Klinky.Tests.Reporting.ReportSamples;

namespace Klinky.Tests.Reporting;

public sealed class MarkdownReportGoldenTests
{
    private static readonly MarkdownReportOptions Footer = new() { CommentKey = "default", Commit = Commit, RunUrl = RunUrl };

    [Fact]
    public void Render_TypicalRunningTwoVariantTest_MatchesGolden()
    {
        GoldenFile.AssertMatches("typical-running", MarkdownReport.Render(new[] { TypicalRunning() }, Footer));
    }

    [Fact]
    public void Render_SignificantWinner_MatchesGolden()
    {
        GoldenFile.AssertMatches("significant-winner", MarkdownReport.Render(new[] { SignificantWinner() }, Footer));
    }

    [Fact]
    public void Render_DeclaredWinner_MatchesGolden()
    {
        GoldenFile.AssertMatches("declared-winner", MarkdownReport.Render(new[] { DeclaredWinner() }, Footer));
    }

    [Fact]
    public void Render_InsufficientDataFromClicksExport_MatchesGolden()
    {
        var options = new MarkdownReportOptions
        {
            Notes = new[] { "link 'checkout-old' not found" },
        };

        GoldenFile.AssertMatches("insufficient-data", MarkdownReport.Render(new[] { InsufficientData() }, options));
    }

    [Fact]
    public void Render_SeveralVariantsBeatControl_RecommendsOneAndSaysTheOthersAlsoWin()
    {
        var report = MarkdownReport.Render(new[] { SeveralWinners() }, Footer);

        GoldenFile.AssertMatches("several-winners", report);
        Assert.Contains("**short-form beats control**", report, StringComparison.Ordinal);
        Assert.Contains("**social-login** also beats control", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EveryVariantLoses_SaysTheControlWins()
    {
        var report = MarkdownReport.Render(new[] { ControlHolds() }, Footer);

        GoldenFile.AssertMatches("control-holds", report);
        Assert.Contains("**control wins**", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Running_SaysHowManyMoreVisitors_AndShowsNoDescriptiveProbability()
    {
        var stats = TypicalRunning();

        var report = MarkdownReport.Render(new[] { stats }, Footer);

        Assert.Contains($"About {stats.TotalVisitorsNeeded!.Value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} more visitors at the current weights", report, StringComparison.Ordinal);
        Assert.Contains("to detect a +20.0% uplift with 80% power", report, StringComparison.Ordinal);
        Assert.Contains("Always-valid 95% interval¹", report, StringComparison.Ordinal);
        Assert.Contains("it shows the current look", report, StringComparison.Ordinal);
        Assert.DoesNotContain("P(beat control)", report, StringComparison.Ordinal);
        Assert.DoesNotContain("p-value", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SampleRatioMismatch_LeadsWithTheWarningAndGivesNoVerdict()
    {
        var report = MarkdownReport.Render(new[] { SampleRatioMismatch() }, Footer);

        GoldenFile.AssertMatches("sample-ratio-mismatch", report);
        Assert.Contains("The weights say control 50% / annual-first 50%, but the 20,000 visitors arrived control 47.5% / annual-first 52.5%", report, StringComparison.Ordinal);
        Assert.True(report.IndexOf("[!WARNING]", StringComparison.Ordinal) < report.IndexOf("| Variant", StringComparison.Ordinal));
        Assert.DoesNotContain("beats control", report, StringComparison.Ordinal);
        Assert.DoesNotContain("✅", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_StickyWinner_SaysSinceWhenAndAtHowManyVisitors()
    {
        var report = MarkdownReport.Render(new[] { StickyWinner() }, Footer);

        GoldenFile.AssertMatches("sticky-winner", report);
        Assert.Contains("🏆 **green beats control**", report, StringComparison.Ordinal);
        Assert.Contains("This result holds since 2026-12-02, at 10,000 visitors", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BrokenAndPausedVariants_SaysFarBehindAndNotJudged_AndHowLongTheRestTakes()
    {
        var report = MarkdownReport.Render(new[] { BrokenAndPausedVariants() }, Footer);

        GoldenFile.AssertMatches("broken-and-paused", report);
        Assert.Contains("**broken-form** is far behind the control", report, StringComparison.Ordinal);
        Assert.Contains("**new-hero** gets no traffic (weight 0) and is not judged", report, StringComparison.Ordinal);
        Assert.Contains("days at the current rate", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_StatsWithoutTheAlwaysValidFields_LeavesTheirClausesOut()
    {
        // A server's stats object from before the additive fields: no intervals, verdicts or visitors needed.
        var stats = TypicalRunning() with
        {
            VisitorsNeeded = null,
            Variants = TypicalRunning().Variants.Select(v => Variant(v.Label, v.Weight, v.Clicks, v.Conversions, v.ConversionRate, 0, 1, v.Uplift, v.PValue, v.ProbabilityToBeatControl, v.ProbabilityToBeBest)).ToArray(),
        };

        var report = MarkdownReport.Render(new[] { stats }, Footer);

        Assert.Contains("**variant\\_b** leads with +26.1% vs control.", report, StringComparison.Ordinal);
        Assert.DoesNotContain("interval —", report, StringComparison.Ordinal);
        Assert.DoesNotContain("more visitors per variant", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FiveVariants_MatchesGolden()
    {
        GoldenFile.AssertMatches("five-variants", MarkdownReport.Render(new[] { FiveVariants() }, Footer));
    }

    [Fact]
    public void Render_SeveralLinks_MatchesGoldenWithOverviewLine()
    {
        var links = new[] { TypicalRunning(), SignificantWinner(), InsufficientData() };

        GoldenFile.AssertMatches("several-links", MarkdownReport.Render(links, new MarkdownReportOptions { Chart = ReportChart.Text }));
    }

    [Theory]
    [InlineData(ReportChart.Mermaid)]
    [InlineData(ReportChart.Text)]
    [InlineData(ReportChart.None)]
    public void Render_ChartMode_MatchesGolden(ReportChart chart)
    {
        var report = MarkdownReport.Render(new[] { TypicalRunning() }, new MarkdownReportOptions { Chart = chart });

        GoldenFile.AssertMatches("chart-" + chart.ToString().ToLowerInvariant(), report);
    }

    [Theory]
    [InlineData(ReportChart.Both, true, true)]
    [InlineData(ReportChart.Mermaid, false, true)]
    [InlineData(ReportChart.Text, true, false)]
    [InlineData(ReportChart.None, false, false)]
    public void Render_ChartMode_DrawsOnlyTheChosenCharts(ReportChart chart, bool textBars, bool mermaid)
    {
        var report = MarkdownReport.Render(new[] { TypicalRunning() }, new MarkdownReportOptions { Chart = chart });

        Assert.Equal(textBars, report.Contains("```text", StringComparison.Ordinal));
        Assert.Equal(mermaid, report.Contains("xychart-beta", StringComparison.Ordinal));
        Assert.Contains("| variant\\_b | 50% | 624 | 49 | 7.85% | +26.1% | -41.4% to +171.1% |\n", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameInputTwice_IsIdenticalWhateverTheCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            var first = MarkdownReport.Render(new[] { FiveVariants() });
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var second = MarkdownReport.Render(new[] { FiveVariants() });

            Assert.Equal(first, second);
            Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Render_WinnerDeclaredOnlyOnTheLink_IsReportedAsDeclared()
    {
        var running = TypicalRunning();
        var stats = new LinkStats
        {
            LinkId = running.LinkId,
            Status = running.Status,
            ControlLabel = running.ControlLabel,
            Variants = running.Variants,
            Link = new global::Klinky.Links.Link { Name = "Checkout button test", Slug = "checkout", WinnerLabel = "variant_b" },
        };

        var report = MarkdownReport.Render(new[] { stats });

        Assert.Contains("🏁 **Winner declared: variant\\_b.**", report, StringComparison.Ordinal);
        Assert.Contains("| **variant\\_b** 🏆 |", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoLinks_SaysSo()
    {
        var report = MarkdownReport.Render(Array.Empty<LinkStats>(), new MarkdownReportOptions { CommentKey = "default" });

        Assert.StartsWith("<!-- klinky-report:default -->\n", report, StringComparison.Ordinal);
        Assert.Contains("No links to report", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_InsufficientDataWithEnoughClicks_AsksForConversions()
    {
        var stats = new LinkStats
        {
            LinkId = "x",
            Status = StatsStatus.InsufficientData,
            Variants = new[]
            {
                Variant("control", 50, 150, 2, 0.0133, 0.0037, 0.0473, null, null, null, 0.5),
                Variant("b", 50, 160, 3, 0.0188, 0.0064, 0.0538, 0.41, 0.7, 0.6, 0.5),
            },
        };

        var report = MarkdownReport.Render(new[] { stats });

        Assert.Contains("at least 5 expected conversions and 5 non-conversions in each arm", report, StringComparison.Ordinal);
    }
}
