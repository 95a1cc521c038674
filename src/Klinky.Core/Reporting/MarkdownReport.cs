using System.Globalization;
using System.Text;
using Klinky.Stats;

namespace Klinky.Reporting;

/// <summary>
/// The A/B report in Markdown, in its one home: the GitHub Action posts it as a pull request comment, PowerShell's
/// <c>ConvertTo-KlinkyMarkdown</c> and the demo print it. Deterministic (invariant culture, '\n' line ends), escaped
/// against hostile names and labels, and never longer than <see cref="MarkdownReportOptions.MaxLength"/>.
/// </summary>
public static class MarkdownReport
{
    private const string MarkerPrefix = "<!-- klinky-report:";
    private const int MaxKeyLength = 100;

    /// <summary>
    /// The hidden first line that lets a later run find its own comment: <c>&lt;!-- klinky-report:KEY --&gt;</c>.
    /// Characters other than letters, digits, '_', '.', ':' and '/' become '-', and runs of '-' collapse, so the key cannot end the comment.
    /// </summary>
    /// <exception cref="ArgumentException">The key is empty or has nothing usable.</exception>
    public static string Marker(string commentKey)
    {
        if (string.IsNullOrWhiteSpace(commentKey))
        {
            throw new ArgumentException("A comment key is required, e.g. 'default' or the link's slug.", nameof(commentKey));
        }

        var builder = new StringBuilder();
        foreach (var c in commentKey.Trim())
        {
            var keep = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '.' or ':' or '/';
            if (keep)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[builder.Length - 1] != '-')
            {
                builder.Append('-');
            }
        }

        var key = builder.ToString().TrimEnd('-');
        if (key.Length == 0 || key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"'{commentKey}' is not a usable comment key: use 1-{MaxKeyLength} letters, digits, '-', '_', '.', ':' or '/'.", nameof(commentKey));
        }

        return MarkerPrefix + key + " -->";
    }

    /// <summary>Renders the report for <paramref name="links"/>, one section per link, in the order given.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="MarkdownReportOptions.MaxLength"/> is below <see cref="MarkdownReportOptions.MinimumMaxLength"/>.</exception>
    public static string Render(IReadOnlyList<LinkStats> links, MarkdownReportOptions? options = null)
    {
        Guard.NotNull(links, nameof(links));
        options ??= new MarkdownReportOptions();
        if (options.MaxLength < MarkdownReportOptions.MinimumMaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxLength, $"MaxLength must be at least {MarkdownReportOptions.MinimumMaxLength}.");
        }

        var header = Header(links, options);
        var notes = Notes(options.Notes);
        var footer = Footer(options);
        var full = header + Sections(links, options.Chart) + notes + footer;
        if (full.Length <= options.MaxLength)
        {
            return full;
        }

        // Charts are the most expendable part: the tables and verdicts carry the figures.
        var compactSections = links.Select(l => LinkSection.Render(l, ReportChart.None)).ToList();
        var withoutCharts = header + string.Concat(compactSections) + Notice(options, null, links.Count) + notes + footer;
        return withoutCharts.Length <= options.MaxLength
            ? withoutCharts
            : ReportTruncation.Fit(header, compactSections, notes, footer, shown => Notice(options, shown, links.Count), options.MaxLength);
    }

    private static string Header(IReadOnlyList<LinkStats> links, MarkdownReportOptions options)
    {
        var builder = new StringBuilder();
        if (options.CommentKey is not null)
        {
            builder.Append(Marker(options.CommentKey)).Append('\n');
        }

        builder.Append("## 🧪 ").Append(MarkdownText.Inline(options.Title)).Append("\n\n");
        if (links.Count == 0)
        {
            builder.Append("*No links to report.*\n\n");
        }
        else if (links.Count > 1)
        {
            var counts = links.GroupBy(l => LinkVerdict.Summary(l, LinkSection.DeclaredWinner(l)))
                .Select(g => $"{g.Key}: {g.Count().ToString(CultureInfo.InvariantCulture)}");
            builder.Append("**").Append(links.Count.ToString(CultureInfo.InvariantCulture)).Append(" links** · ")
                .Append(string.Join(" · ", counts)).Append("\n\n");
        }

        return builder.ToString();
    }

    private static string Sections(IReadOnlyList<LinkStats> links, ReportChart chart) =>
        string.Concat(links.Select(l => LinkSection.Render(l, chart)));

    private static string Notes(IReadOnlyList<string>? notes)
    {
        if (notes is null || notes.Count == 0)
        {
            return "";
        }

        var builder = new StringBuilder("> [!NOTE]\n");
        foreach (var note in notes)
        {
            builder.Append("> - ").Append(MarkdownText.Inline(note)).Append('\n');
        }

        return builder.Append('\n').ToString();
    }

    private static string Footer(MarkdownReportOptions options)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Commit))
        {
            var commit = options.Commit!.Trim();
            parts.Add(IsHex(commit) ? $"commit `{commit.Substring(0, Math.Min(7, commit.Length))}`" : "commit " + MarkdownText.Inline(commit));
        }

        if (MarkdownText.SafeUrl(options.RunUrl) is { } runUrl)
        {
            parts.Add($"[workflow run]({runUrl})");
        }

        if (options.FiguresAsOf is { } asOf)
        {
            parts.Add("figures as of " + asOf.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC");
        }

        parts.Add("rendered by Klinky");
        var line = string.Join(" · ", parts);
        return "---\n<sub>" + char.ToUpperInvariant(line[0]) + line.Substring(1) + "</sub>\n";
    }

    private static string Notice(MarkdownReportOptions options, int? linksShown, int linkCount)
    {
        var limit = options.MaxLength.ToString("N0", CultureInfo.InvariantCulture);
        var what = linksShown is { } shown
            ? $"{shown.ToString(CultureInfo.InvariantCulture)} of {linkCount.ToString(CultureInfo.InvariantCulture)} links shown in full, charts left out"
            : "charts left out";
        return $"> [!WARNING]\n> Report truncated to stay within {limit} characters: {what}.\n\n";
    }

    private static bool IsHex(string text) =>
        text.Length is >= 7 and <= 64 && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F'));
}
