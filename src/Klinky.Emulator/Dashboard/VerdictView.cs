using System.Globalization;
using System.Text;
using Klinky.Reporting;
using Klinky.Stats;
using static Klinky.Emulator.Dashboard.Html;

namespace Klinky.Emulator.Dashboard;

/// <summary>
/// Core's verdict as the dashboard shows it: the per-variant table and the summary, straight from the <see cref="LinkStats"/>
/// the stats endpoint and the PR report use, headed by the report's own headline (<see cref="VerdictText"/>): no second
/// calculation and no second wording. Fields Core adds (a sample-ratio warning, visitors still
/// needed as a time) belong here.
/// </summary>
internal static class VerdictView
{
    public static string Table(LinkStats stats)
    {
        var rows = new StringBuilder();
        foreach (var variant in stats.Variants)
        {
            var interval = variant.DifferenceInterval is [var low, var high]
                ? $"{Signed(low)} to {Signed(high)}"
                : "—";
            var control = variant.Label == stats.ControlLabel ? " <span class=\"muted\">(control)</span>" : "";
            rows.Append($"""
                <tr data-label="{E(variant.Label)}"><th scope="row">{E(variant.Label)}{control}</th><td class="num">{variant.Weight}%</td>
                <td class="num clicks">{E(variant.Clicks)}</td><td class="num conversions">{E(variant.Conversions)}</td><td class="num">{Percent(variant.ConversionRate)}</td>
                <td class="num">{interval}</td><td>{E(variant.Verdict ?? (variant.Label == stats.ControlLabel ? "baseline" : "—"))}</td></tr>
                """);
        }

        return $"""
            <div class="table-wrap" role="region" aria-label="Variants" tabindex="0"><table class="variants">
            <thead><tr><th scope="col">Variant</th><th scope="col">Weight</th><th scope="col">Clicks</th><th scope="col">Conversions</th><th scope="col">Rate</th>
            <th scope="col">Difference vs control (always-valid)</th><th scope="col">Verdict</th></tr></thead>
            <tbody>{rows}</tbody></table></div>
            """;
    }

    public static string Summary(LinkStats stats)
    {
        // The pull request report's own headline (Core renders it), so the dashboard and the report never word a verdict apart.
        var status = E(VerdictText.For(stats));
        var needed = stats.VisitorsNeeded is { } visitors
            ? $"<li>Visitors still needed per variant to detect a {Percent(stats.MinimumEffect)} relative effect: <strong>{E(visitors)}</strong></li>"
            : "";
        var winner = stats.WinnerLabel is null ? "" : $"<li>Declared winner: <strong>{E(stats.WinnerLabel)}</strong> (every visitor goes there)</li>";
        return $"""
            <ul class="verdict" data-status="{E(stats.Status)}"><li>{status}</li>
            <li>Total: {E(stats.TotalClicks)} clicks, {E(stats.TotalConversions)} conversions</li>{needed}{winner}</ul>
            """;
    }

    private static string Signed(double value) => (value >= 0 ? "+" : "") + (value * 100).ToString("0.00", CultureInfo.InvariantCulture) + " pts";
}
