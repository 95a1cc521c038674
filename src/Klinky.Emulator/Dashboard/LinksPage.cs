using System.Text;
using Klinky.Emulator.Storage;
using static Klinky.Emulator.Dashboard.Html;

namespace Klinky.Emulator.Dashboard;

/// <summary><c>GET /_klinky/</c>: every link the viewer may see, with variants, weights, state and counts; <c>?slug=</c> filters.</summary>
internal static class LinksPage
{
    public static string Render(IEnumerable<LinkRecord> links, CounterCache counters, DashboardKeys keys, string? filter)
    {
        var rows = new StringBuilder();
        var shown = 0;
        foreach (var link in links.Where(l => !l.IsDeleted).OrderBy(l => l.Sequence))
        {
            if (!string.IsNullOrEmpty(filter) && !link.Slug.Contains(filter, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            shown++;
            var variants = string.Join("", link.Variants.Select(v => $"<li>{E(v.Label)} <span class=\"muted\">{v.Weight}%</span></li>"));
            long clicks = 0, conversions = 0;
            foreach (var variant in link.Variants)
            {
                var (c, k) = counters.Get(link.Id, variant.Label);
                clicks += c;
                conversions += k;
            }

            var key = keys.Count > 1 ? $"<td>{E(keys.MaskedKeyOf(link.Workspace))}</td>" : "";
            rows.Append($"""
                <tr><td><a href="{DashboardGate.Prefix}/links/{Uri.EscapeDataString(link.Id)}">{E(link.Slug)}</a></td><td class="text">{E(link.Name)}</td>
                <td><ul class="plain">{variants}</ul></td><td>{State(link)}</td><td class="num">{E(clicks)}</td><td class="num">{E(conversions)}</td>{key}</tr>
                """);
        }

        var keyHeader = keys.Count > 1 ? "<th scope=\"col\">Key</th>" : "";
        var table = shown == 0
            ? $"<p>{(string.IsNullOrEmpty(filter) ? "No links yet. Create one through the API, e.g. with the PowerShell module or Klinky.Build." : "No link's slug contains that text.")}</p>"
            : $"""
              <div class="table-wrap" role="region" aria-label="Links" tabindex="0"><table>
              <thead><tr><th scope="col">Slug</th><th scope="col">Name</th><th scope="col">Variants and weights</th><th scope="col">State</th><th scope="col">Clicks</th><th scope="col">Conversions</th>{keyHeader}</tr></thead>
              <tbody>{rows}</tbody></table></div>
              """;
        var body = $"""
            <form method="get" action="{DashboardGate.Prefix}/" class="filter" role="search">
            <label for="slug">Filter by slug</label>
            <input id="slug" name="slug" type="search" value="{E(filter)}">
            <button type="submit">Filter</button>
            </form>
            {table}
            """;
        return Page("Links", body);
    }

    public static string State(LinkRecord link) =>
        (link.IsActive ? "active" : "paused") + (link.WinnerLabel is null ? "" : $", winner <strong>{E(link.WinnerLabel)}</strong>");
}
