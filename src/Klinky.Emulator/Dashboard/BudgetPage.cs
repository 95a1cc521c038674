using System.Text;
using Klinky.Emulator.CommandLine;
using Klinky.Emulator.Security;
using static Klinky.Emulator.Dashboard.Html;

namespace Klinky.Emulator.Dashboard;

/// <summary><c>GET /_klinky/budget</c>: each key's plan, remaining requests and reset; the last API requests and what each left.</summary>
internal static class BudgetPage
{
    public static string Render(DashboardViewer viewer, DashboardKeys keys, ServeSettings settings, RateLimiter limiter, RequestLog log, TimeProvider time)
    {
        var budgets = new StringBuilder();
        foreach (var workspace in keys.Workspaces.Where(w => viewer.Sees(w.Id)))
        {
            var window = limiter.Peek(workspace);
            budgets.Append($"""
                <tr><th scope="row"><code>{E(keys.MaskedKeyOf(workspace.Id))}</code></th><td>{E(settings.Plan)} ({E(window.Limit)}/hour)</td>
                <td class="num">{E(window.Remaining)}</td><td>{Time(window.ResetsAt)}</td></tr>
                """);
        }

        var requests = new StringBuilder();
        var recent = log.Recent(viewer.Only?.Id);
        foreach (var entry in recent)
        {
            var key = keys.Count > 1 && viewer.Only is null ? $"<td><code>{(entry.WorkspaceId is null ? "none" : E(keys.MaskedKeyOf(entry.WorkspaceId)))}</code></td>" : "";
            requests.Append($"""
                <tr><td>{entry.At.UtcDateTime:HH:mm:ss}</td><td>{E(entry.Method)}</td><td><code>{E(entry.Route)}</code></td><td class="num">{entry.Status}</td>
                <td class="num">{(entry.Remaining is { } left ? E(left) : "—")}</td>{key}</tr>
                """);
        }

        var keyHeader = keys.Count > 1 && viewer.Only is null ? "<th scope=\"col\">Key</th>" : "";
        var body = $"""
            <section aria-labelledby="h-keys"><h2 id="h-keys">Keys</h2>
            <p class="muted">A key's hour opens with its first counted request; until then it shows the full budget. {Time(time.GetUtcNow())} now.</p>
            <div class="table-wrap" role="region" aria-label="Keys" tabindex="0"><table><thead><tr><th scope="col">Key</th><th scope="col">Plan</th><th scope="col">Remaining</th><th scope="col">Resets at</th></tr></thead>
            <tbody>{budgets}</tbody></table></div></section>
            <section aria-labelledby="h-requests"><h2 id="h-requests">Last API requests</h2>
            <p class="muted">The last {RequestLog.Capacity} requests to /api/v1, newest first ({recent.Count} shown). Redirects and the dashboard's own pages are free and not listed.</p>
            <div class="table-wrap" role="region" aria-label="Last API requests" tabindex="0"><table><thead><tr><th scope="col">Time (UTC)</th><th scope="col">Method</th><th scope="col">Route</th><th scope="col">Status</th><th scope="col">Left after it</th>{keyHeader}</tr></thead>
            <tbody>{requests}</tbody></table></div></section>
            """;
        return Page("Budget and requests", body);
    }
}
