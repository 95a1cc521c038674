using System.Text.RegularExpressions;
using Klinky.Links;
using Klinky.Reporting;
using Klinky.Stats;

namespace Klinky.Tests.Reporting;

/// <summary>
/// GitHub-only syntax in user text (link names, labels, slugs, notes, the commit) must reach the comment as plain text:
/// math, cross-references (which post a backlink into another repository's issue when the comment is saved), bare URLs
/// (autolinked) and bidirectional controls (text that reads differently than it is).
/// </summary>
public sealed partial class MarkdownReportGitHubSyntaxTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "github-math", "$\\color{red}\\text{Approved}$ and $$x^2$$" },
        { "github-crossrefs", "fixes #123, octo-org/octo-repo#77 and GH-42" },
        { "github-urls", "see https://evil.example/login and www.evil.example" },
        { "github-bidi", "price \u202Eeulav\u202C \u2066x\u2069 \u200Fy" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_GitHubSyntaxInEveryUserText_IsDefused_MatchesGolden(string golden, string text)
    {
        var report = Render(text);

        GoldenFile.AssertMatches(golden, report);
        Assert.DoesNotMatch(BidiControl(), report);

        // Inside fenced code (text bars, Mermaid) GitHub renders no math, references or autolinks; link targets are ours.
        var prose = FencedCode().Replace(report, "").Replace("(https://klinky.io/x)", "", StringComparison.Ordinal);
        Assert.DoesNotMatch(UnescapedDollar(), prose);
        Assert.DoesNotMatch(CrossReference(), prose);
        Assert.DoesNotMatch(BareUrl(), prose);
    }

    private static string Render(string text)
    {
        var stats = StatsCalculator.Compute(
            "lnk",
            new[] { new VariantCounts("control", 50, 400, 20), new VariantCounts(text, 50, 400, 26) },
            100,
            null,
            DateRange.All) with
        {
            Link = new Link { Id = "lnk", Name = text, Slug = text, ShortUrl = "https://klinky.io/x" },
        };
        return MarkdownReport.Render(new[] { stats }, new MarkdownReportOptions
        {
            CommentKey = "pr-1",
            Commit = text,
            Notes = new[] { text },
        });
    }

    [GeneratedRegex("```.*?```", RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    // A '$' not preceded by a backslash (outside the Mermaid block, which GitHub does not render as math).
    [GeneratedRegex(@"(?<!\\)\$")]
    private static partial Regex UnescapedDollar();

    [GeneratedRegex(@"(^|[^\w])#\d|[\w.-]+/[\w.-]+#\d|GH-\d", RegexOptions.IgnoreCase)]
    private static partial Regex CrossReference();

    [GeneratedRegex(@"https?://|www\.", RegexOptions.IgnoreCase)]
    private static partial Regex BareUrl();

    [GeneratedRegex("[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]")]
    private static partial Regex BidiControl();
}
