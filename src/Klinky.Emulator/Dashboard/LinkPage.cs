using System.Text;
using Klinky.Emulator.Storage;
using Klinky.Stats;
using static Klinky.Emulator.Dashboard.Html;

namespace Klinky.Emulator.Dashboard;

/// <summary>
/// <c>GET /_klinky/links/{id}</c>: the results (Core's verdict and the chart, re-fetched as a fragment when the event stream says
/// the counts moved), the live click stream and the tester's actions, each a POST form with the CSRF token.
/// </summary>
internal static class LinkPage
{
    public const int DefaultVisitors = 1000;

    /// <summary>The whole page, around <paramref name="live"/> (the results fragment, from <see cref="LiveFragments"/>).</summary>
    public static string Render(LinkRecord link, string live, string rootUrl, string csrf)
    {
        var path = $"{DashboardGate.Prefix}/links/{Uri.EscapeDataString(link.Id)}";
        var shortUrl = rootUrl + "/" + Uri.EscapeDataString(link.Slug);
        var rates = new StringBuilder();
        for (var i = 0; i < link.Variants.Count; i++)
        {
            var label = link.Variants[i].Label;
            rates.Append($"""<label for="rate{i}">Conversion rate of {E(label)} (0–1)</label><input id="rate{i}" name="rate{i}" type="number" min="0" max="1" step="0.001" value="{(i == 0 ? "0.05" : "0.08")}" inputmode="decimal">""");
        }

        var options = string.Join("", link.Variants.Select(v => $"""<option value="{E(v.Label)}"{(v.Label == link.WinnerLabel ? " selected" : "")}>{E(v.Label)}</option>"""));
        var body = $"""
            <p class="sub"><span class="muted">/{E(link.Slug)}</span> · <span id="state">{LinksPage.State(link)}</span> · short URL <a href="{E(shortUrl)}" rel="noreferrer">{E(shortUrl)}</a></p>
            <section aria-labelledby="h-results"><h2 id="h-results">Results</h2>
            <div id="live" data-live="{path}/live">{live}</div></section>
            <section aria-labelledby="h-stream"><h2 id="h-stream">Live clicks</h2>
            <p id="stream-state" class="muted">Waiting for clicks…</p><ol id="stream" data-events="{path}/events"></ol></section>
            <section aria-labelledby="h-actions"><h2 id="h-actions">Actions</h2>
            <p id="action-status" role="status"></p>
            <div class="actions">
            <form class="card" method="post" action="{path}/simulate" data-async id="simulate-form"><h3>Simulate traffic</h3>{CsrfField(csrf)}
            <label for="visitors">Visitors (1–100,000)</label><input id="visitors" name="visitors" type="number" min="1" max="100000" value="{DefaultVisitors}" required>
            {rates}
            <label for="seed">Seed</label><input id="seed" name="seed" type="number" value="42" required>
            <button type="submit">Simulate</button></form>
            <form class="card" method="post" action="{path}/winner" data-async id="winner-form"><h3>Declare a winner</h3>{CsrfField(csrf)}
            <label for="winner">Winning variant</label><select id="winner" name="label">{options}</select>
            <button type="submit">Declare winner</button></form>
            <form class="card" method="post" action="{path}/reset" data-async id="reset-form"><h3>Reset traffic</h3>{CsrfField(csrf)}
            <p class="muted">Forgets this link's clicks and conversions; the link, its variants and its winner stay.</p>
            <button type="submit" class="danger">Reset traffic</button></form>
            </div></section>
            """;
        return Page(link.Name.Length > 0 ? link.Name : link.Slug, body);
    }

    /// <summary>
    /// The part that moves: verdict, table and chart (also served alone, for the page to swap in without a reload). The
    /// verdict is Core's, through the service the stats endpoint uses, from what is committed (no flush): the page follows the
    /// writer's commits through its live feed, so a click a few milliseconds from its commit shows with that commit's update.
    /// </summary>
    public static string Live(LinkRecord link, LinkStats stats, IReadOnlyList<TimelineBucket> timeline) =>
        VerdictView.Summary(stats) + ConversionChart.Render(link, timeline) + VerdictView.Table(stats);
}
