using System.Text.RegularExpressions;
using Klinky.Links;
using Klinky.Reporting;
using Klinky.Stats;
using static Klinky.Tests.Reporting.ReportSamples;

namespace Klinky.Tests.Reporting;

public sealed class MarkdownReportEscapingTests
{
    private static readonly string[] HostileLabels = { "a|b", "<script>alert(1)</script>", "```\nrm -rf /", "<!-- klinky-report:default -->", "@everyone" };

    private static LinkStats Hostile() => new()
    {
        LinkId = "id",
        Status = StatsStatus.Significant,
        RecommendedWinner = HostileLabels[3],
        ControlLabel = HostileLabels[0],
        Link = new Link
        {
            Name = "Evil | <img src=x onerror=alert(1)> `code` <!-- klinky-report:default --> @org/team **bold**",
            Slug = "<b>slug</b>",
            ShortUrl = "javascript:alert(1)",
        },
        Variants = HostileLabels.Select((label, i) => Variant(label, 20, 1000, 50 + i * 10, (50 + i * 10) / 1000.0, 0.03, 0.12,
            i == 0 ? null : 0.1 * i, i == 0 ? null : 0.01, i == 0 ? null : 0.9, 0.2)).ToArray(),
    };

    private static string Render() => MarkdownReport.Render(new[] { Hostile() }, new MarkdownReportOptions
    {
        CommentKey = "pr-42",
        Commit = "<!-- klinky-report:default -->",
        RunUrl = "https://example.com/run?a=(1)&b=<x>",
        Notes = new[] { "link '<!-- klinky-report:default -->' not found", "`x` | y" },
    });

    [Fact]
    public void Render_HostileLabelsAndNames_MatchesGolden()
    {
        GoldenFile.AssertMatches("hostile-escaping", Render());
    }

    [Fact]
    public void Render_LabelThatLooksLikeAMarker_CannotForgeOne()
    {
        var report = Render();

        Assert.Single(Regex.Matches(report, "<!--"));
        Assert.StartsWith("<!-- klinky-report:pr-42 -->\n", report, StringComparison.Ordinal);
        Assert.DoesNotContain("klinky-report:default -->", report.Replace("&lt;!-- klinky-report:default --&gt;", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileText_HasNoRawHtmlOrScriptOrJavascriptUrl()
    {
        var report = Render();

        Assert.DoesNotContain("<script", report, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", report, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", report, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", report, StringComparison.OrdinalIgnoreCase);
        // GitHub does not look for mentions inside code blocks, so only the prose and tables must break them.
        var prose = Regex.Replace(report, "```[a-z]*\n.*?```", "", RegexOptions.Singleline);
        Assert.DoesNotContain("@everyone", prose, StringComparison.Ordinal);
        Assert.DoesNotContain("@org", prose, StringComparison.Ordinal);
        Assert.Contains("(https://example.com/run?a=%281%29&b=%3Cx%3E)", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PipeAndNewlineInLabels_KeepEveryTableRowAtEightCells()
    {
        var rows = Render().Split('\n').Where(line => line.StartsWith("| ", StringComparison.Ordinal)).ToList();

        Assert.Equal(1 + HostileLabels.Length, rows.Count);
        Assert.All(rows, row => Assert.Equal(8, Regex.Matches(row, @"(?<!\\)\|").Count));
    }

    [Fact]
    public void Render_BackticksInLabels_NeverOpenOrCloseACodeBlock()
    {
        var fences = Render().Split('\n').Count(line => line.TrimStart().StartsWith("```", StringComparison.Ordinal));

        // One text-bars block and one Mermaid block, each opened and closed once.
        Assert.Equal(4, fences);
    }

    [Theory]
    [InlineData("default", "<!-- klinky-report:default -->")]
    [InlineData("checkout-pr42", "<!-- klinky-report:checkout-pr42 -->")]
    [InlineData("  links/checkout ", "<!-- klinky-report:links/checkout -->")]
    [InlineData("a -->b", "<!-- klinky-report:a-b -->")]
    [InlineData("x--y", "<!-- klinky-report:x-y -->")]
    public void Marker_Key_IsKeptOrNeutralized(string key, string expected)
    {
        Assert.Equal(expected, MarkdownReport.Marker(key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-->")]
    public void Marker_UnusableKey_Throws(string key)
    {
        Assert.Throws<ArgumentException>(() => MarkdownReport.Marker(key));
    }
}
