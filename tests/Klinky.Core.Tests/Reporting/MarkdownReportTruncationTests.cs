using Klinky.Links;
using Klinky.Reporting;
using Klinky.Stats;
using static Klinky.Tests.Reporting.ReportSamples;

namespace Klinky.Tests.Reporting;

public sealed class MarkdownReportTruncationTests
{
    private static IReadOnlyList<LinkStats> ManyLinks(int count) =>
        Enumerable.Range(1, count).Select(i =>
        {
            var typical = TypicalRunning();
            return new LinkStats
            {
                LinkId = typical.LinkId,
                Link = new Link { Name = $"Checkout test {i}", Slug = $"checkout-{i}", ShortUrl = $"https://klinky.io/checkout-{i}" },
                Status = typical.Status,
                ControlLabel = typical.ControlLabel,
                TotalClicks = typical.TotalClicks,
                TotalConversions = typical.TotalConversions,
                Variants = typical.Variants,
            };
        }).ToList();

    [Fact]
    public void Render_OverMaxLength_MatchesGoldenKeepingMarkerAndNotice()
    {
        var report = MarkdownReport.Render(ManyLinks(6), new MarkdownReportOptions { CommentKey = "default", MaxLength = 2500, Commit = Commit });

        Assert.True(report.Length <= 2500, $"length {report.Length}");
        GoldenFile.AssertMatches("truncated", report);
    }

    [Theory]
    [InlineData(512)]
    [InlineData(1000)]
    [InlineData(4096)]
    [InlineData(MarkdownReportOptions.GitHubCommentLimit)]
    public void Render_OverMaxLength_StaysWithinItAndKeepsTheMarkerFirst(int maxLength)
    {
        var report = MarkdownReport.Render(ManyLinks(400), new MarkdownReportOptions
        {
            CommentKey = "default",
            MaxLength = maxLength,
            Notes = new[] { "a note" },
            Commit = Commit,
            RunUrl = RunUrl,
        });

        Assert.True(report.Length <= maxLength, $"length {report.Length} > {maxLength}");
        Assert.StartsWith("<!-- klinky-report:default -->\n", report, StringComparison.Ordinal);
        Assert.Contains("Report truncated", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SlightlyOverMaxLength_DropsChartsBeforeLinks()
    {
        var links = ManyLinks(3);
        var full = MarkdownReport.Render(links);
        var compact = MarkdownReport.Render(links, new MarkdownReportOptions { Chart = ReportChart.None });

        var report = MarkdownReport.Render(links, new MarkdownReportOptions { MaxLength = compact.Length + 200 });

        Assert.True(full.Length > compact.Length + 200);
        Assert.Contains("charts left out", report, StringComparison.Ordinal);
        Assert.Contains("Checkout test 3", report, StringComparison.Ordinal);
        Assert.DoesNotContain("xychart-beta", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HugeTitle_StillKeepsMarkerWithinMaxLength()
    {
        var report = MarkdownReport.Render(ManyLinks(2), new MarkdownReportOptions { CommentKey = "k", MaxLength = 600, Title = new string('T', 5000) });

        Assert.True(report.Length <= 600);
        Assert.StartsWith("<!-- klinky-report:k -->\n", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WithinMaxLength_IsNotTruncated()
    {
        var report = MarkdownReport.Render(ManyLinks(3), new MarkdownReportOptions { CommentKey = "default" });

        Assert.DoesNotContain("truncated", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MaxLengthBelowMinimum_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MarkdownReport.Render(ManyLinks(1), new MarkdownReportOptions { MaxLength = 100 }));
    }
}
