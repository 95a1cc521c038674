using System.Globalization;
using System.Text;
using Klinky.Stats;

namespace Klinky.Reporting;

/// <summary>
/// The two charts of a link: text bars in a code block (they render in mail, the mobile app and terminals) and a
/// Mermaid <c>xychart-beta</c> bar chart, which GitHub renders on the web.
/// </summary>
internal static class ReportCharts
{
    private const int BarWidth = 24;

    public static string TextBars(LinkStats stats, string? winnerLabel)
    {
        var labels = stats.Variants.Select(v => MarkdownText.InCode(v.Label)).ToList();
        var labelWidth = labels.Max(l => l.Length);
        var rates = stats.Variants.Select(v => ReportNumbers.Rate(v.ConversionRate)).ToList();
        var rateWidth = rates.Max(r => r.Length);
        var maxRate = stats.Variants.Max(v => v.ConversionRate);
        var builder = new StringBuilder("```text\n");
        for (var i = 0; i < stats.Variants.Count; i++)
        {
            var variant = stats.Variants[i];
            var filled = maxRate > 0 ? (int)Math.Round(variant.ConversionRate / maxRate * BarWidth, MidpointRounding.AwayFromZero) : 0;
            builder.Append(labels[i].PadRight(labelWidth)).Append("  ")
                .Append('█', filled).Append('░', BarWidth - filled).Append("  ")
                .Append(rates[i].PadLeft(rateWidth))
                .Append("  ").Append(ReportNumbers.Count(variant.Conversions)).Append(" / ").Append(ReportNumbers.Count(variant.Clicks));
            if (string.Equals(variant.Label, winnerLabel, StringComparison.Ordinal))
            {
                builder.Append("  ← winner");
            }

            builder.Append('\n');
        }

        return builder.Append("```\n").ToString();
    }

    public static string Mermaid(LinkStats stats, bool open)
    {
        var labels = string.Join(", ", stats.Variants.Select(v => "\"" + MarkdownText.InMermaidString(v.Label) + "\""));
        var values = string.Join(", ", stats.Variants.Select(v => Percent(v.ConversionRate)));
        var top = NiceCeiling(stats.Variants.Max(v => v.ConversionRate) * 100 * 1.15);
        return new StringBuilder()
            .Append(open ? "<details open>\n" : "<details>\n")
            .Append("<summary>📊 Conversion rate chart</summary>\n\n")
            .Append("```mermaid\n")
            .Append("xychart-beta\n")
            .Append("    title \"Conversion rate by variant (%)\"\n")
            .Append("    x-axis [").Append(labels).Append("]\n")
            .Append("    y-axis \"Conversion rate (%)\" 0 --> ").Append(top.ToString("0.##", CultureInfo.InvariantCulture)).Append('\n')
            .Append("    bar [").Append(values).Append("]\n")
            .Append("```\n\n")
            .Append("</details>\n")
            .ToString();
    }

    private static string Percent(double rate) => Math.Round(rate * 100, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>1, 2 or 5 times a power of ten at or above <paramref name="value"/>, so the axis ends on a round number.</summary>
    private static double NiceCeiling(double value)
    {
        if (value <= 0 || double.IsNaN(value))
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1.0, 2.0, 2.5, 5.0, 10.0 })
        {
            if (step * magnitude >= value)
            {
                return Math.Min(100, step * magnitude);
            }
        }

        return 100;
    }
}
