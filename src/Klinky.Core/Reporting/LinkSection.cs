using System.Text;
using Klinky.Stats;
using Klinky.Validation;

namespace Klinky.Reporting;

/// <summary>One link's part of the report: heading, headline verdict, the variant table and its charts.</summary>
internal static class LinkSection
{
    public static string Render(LinkStats stats, ReportChart chart)
    {
        var winner = DeclaredWinner(stats);
        var builder = new StringBuilder();
        builder.Append("### ").Append(Heading(stats)).Append("\n\n");
        if (MetaLine(stats) is { Length: > 0 } meta)
        {
            builder.Append(meta).Append("\n\n");
        }

        if (winner is null && LinkNotices.Leading(stats) is { } notice)
        {
            builder.Append(notice).Append("\n\n");
        }

        builder.Append(LinkVerdict.Render(stats, winner)).Append("\n\n");
        if (stats.Variants.Count > 0)
        {
            AppendTable(builder, stats, winner ?? Recommended(stats));
            builder.Append('\n');
            if (chart is ReportChart.Both or ReportChart.Text)
            {
                builder.Append(ReportCharts.TextBars(stats, winner ?? Recommended(stats))).Append('\n');
            }

            if (chart is ReportChart.Both or ReportChart.Mermaid)
            {
                builder.Append(ReportCharts.Mermaid(stats, open: chart == ReportChart.Mermaid)).Append('\n');
            }
        }

        if (stats.Source == StatsSource.ComputedFromClicks)
        {
            builder.Append("<sub>ℹ️ Computed from the clicks export (")
                .Append(ReportNumbers.Count(stats.RequestCost)).Append(stats.RequestCost == 1 ? " request" : " requests")
                .Append("): the server has no stats endpoint.</sub>\n\n");
        }

        return builder.ToString();
    }

    /// <summary>Declared winner from the stats, else from the link.</summary>
    public static string? DeclaredWinner(LinkStats stats) =>
        !string.IsNullOrEmpty(stats.WinnerLabel) ? stats.WinnerLabel
        : !string.IsNullOrEmpty(stats.Link?.WinnerLabel) ? stats.Link!.WinnerLabel
        : null;

    private static string? Recommended(LinkStats stats) =>
        stats.Status == StatsStatus.Significant ? stats.RecommendedWinner : null;

    private static string Heading(LinkStats stats) =>
        stats.Link is { Name.Length: > 0 } link ? MarkdownText.Inline(link.Name) : "Link " + MarkdownText.Inline(stats.Link?.Id ?? stats.LinkId);

    private static string MetaLine(LinkStats stats)
    {
        var parts = new List<string>();
        if (stats.Link is { } link)
        {
            var slug = link.Slug.Length > 0 && SlugRules.IsValidCharacters(link.Slug) ? $"`{link.Slug}`" : MarkdownText.Inline(link.Slug);
            var url = MarkdownText.SafeUrl(link.ShortUrl);
            parts.Add(url is null ? slug : $"{slug} → [{MarkdownText.UrlText(url)}]({url})");
        }

        parts.Add($"{ReportNumbers.Count(stats.TotalClicks)} clicks");
        parts.Add($"{ReportNumbers.Count(stats.TotalConversions)} conversions");
        if (stats.StartDate is not null || stats.EndDate is not null)
        {
            var from = stats.StartDate is { } start ? ReportNumbers.Date(start) : "the start";
            var to = stats.EndDate is { } end ? ReportNumbers.Date(end) : "now";
            parts.Add($"{from} to {to}");
        }

        return string.Join(" · ", parts);
    }

    private static void AppendTable(StringBuilder builder, LinkStats stats, string? winner)
    {
        // The descriptive probabilities stay in the stats object and Format-List: beside the verdict they read as one.
        builder.Append("| Variant | Weight | Clicks | Conversions | Conversion rate | Uplift vs control | Always-valid 95% interval¹ |\n")
            .Append("|:--|--:|--:|--:|--:|--:|--:|\n");
        foreach (var variant in stats.Variants)
        {
            var isControl = LinkVerdict.IsControl(stats, variant);
            var label = MarkdownText.Inline(variant.Label);
            if (string.Equals(variant.Label, winner, StringComparison.Ordinal))
            {
                label = $"**{label}** 🏆";
            }

            if (isControl && variant.Label != Links.LinkRules.ControlLabel)
            {
                label += " (control)";
            }

            builder.Append("| ").Append(label)
                .Append(" | ").Append(ReportNumbers.Weight(variant.Weight))
                .Append(" | ").Append(ReportNumbers.Count(variant.Clicks))
                .Append(" | ").Append(ReportNumbers.Count(variant.Conversions))
                .Append(" | ").Append(variant.Clicks > 0 ? ReportNumbers.Rate(variant.ConversionRate) : ReportNumbers.Missing)
                .Append(" | ").Append(isControl ? "*baseline*" : ReportNumbers.Uplift(variant.Uplift))
                .Append(" | ").Append(isControl ? ReportNumbers.Missing : IntervalCell(variant))
                .Append(" |\n");
        }

        var comparisons = Math.Max(1, stats.Variants.Count - 1);
        builder.Append("\n<sub>¹ Safe to check after every click: the chance that any of these intervals ever misses the true uplift stays under 5%, ")
            .Append("however often the report is read")
            .Append(comparisons == 1 ? "" : $" (shared across the {comparisons} comparisons with control)")
            .Append(". The verdict comes from this column alone.")
            .Append(stats.VerdictBasis == VerdictBasis.History
                ? " Kept from push to push, each interval is the intersection of every interval so far: as safe, and never wider, so a verdict once reached stands.</sub>\n"
                : "</sub>\n");
    }

    private static string IntervalCell(VariantStats variant)
    {
        var interval = ReportNumbers.UpliftInterval(variant.UpliftInterval);
        return variant.Verdict switch
        {
            VariantVerdict.Better => interval + " ✅",
            VariantVerdict.Worse => interval + " 🔻",
            _ => interval,
        };
    }
}
