using Klinky.Emulator.CommandLine;
using Klinky.Emulator.Security;
using Klinky.Emulator.Storage;

namespace Klinky.Emulator.Dashboard;

/// <summary>The dashboard's routes under <c>/_klinky/</c> (behind <see cref="DashboardGate"/>), outside the API and its budget.</summary>
internal static class DashboardEndpoints
{
    public static void MapDashboard(this WebApplication app)
    {
        var group = app.MapGroup(DashboardGate.Prefix).ExcludeFromDescription();
        group.MapGet("/", (HttpContext http, LinkStore links, CounterCache counters, DashboardKeys keys) =>
        {
            var viewer = DashboardViewer.Of(http);
            var html = LinksPage.Render(links.All.Where(l => viewer.Sees(l.Workspace)), counters, keys, http.Request.Query["slug"].ToString());
            return DashboardResponses.HtmlAsync(http, html);
        });
        group.MapGet("/links/{id}", (string id, HttpContext http, LinkStore links, LiveFragments fragments, DashboardSessions sessions) =>
            Find(http, links, id) is { } link
                ? DashboardResponses.HtmlAsync(http, LinkPage.Render(link, fragments.Fresh(link), http.Request.Scheme + "://" + http.Request.Host.Value, sessions.CsrfToken(DashboardViewer.Of(http).CsrfScope)))
                : NotFoundAsync(http));
        group.MapGet("/links/{id}/live", (string id, HttpContext http, LinkStore links, LiveFragments fragments) =>
            Find(http, links, id) is { } link ? DashboardResponses.HtmlAsync(http, fragments.For(link)) : NotFoundAsync(http));
        group.MapGet("/links/{id}/events", (string id, HttpContext http, LinkStore links, LiveFeed feed) =>
            Find(http, links, id) is { } link ? EventStream.ServeAsync(http, link, feed) : NotFoundAsync(http));
        group.MapGet("/budget", (HttpContext http, DashboardKeys keys, ServeSettings settings, RateLimiter limiter, RequestLog log, TimeProvider time) =>
            DashboardResponses.HtmlAsync(http, BudgetPage.Render(DashboardViewer.Of(http), keys, settings, limiter, log, time)));
        group.MapGet("/assets/{name}", (string name, HttpContext http) => DashboardAssets.ServeAsync(http, name));
        group.MapGet("/login", (HttpContext http) => http.Response.Redirect(DashboardGate.Prefix + "/"));
        group.MapPost("/login", LoginAsync);
        group.MapPost("/links/{id}/simulate", (string id, HttpContext http, LinkStore links, DashboardKeys keys, DashboardSimulations simulations) =>
            Find(http, links, id) is { } link ? DashboardActions.SimulateAsync(http, link, keys, simulations) : NotFoundAsync(http));
        group.MapPost("/links/{id}/winner", (string id, HttpContext http, LinkStore links, DashboardKeys keys, LiveFeed feed) =>
            Find(http, links, id) is { } link ? DashboardActions.DeclareWinnerAsync(http, link, keys, feed) : NotFoundAsync(http));
        group.MapPost("/links/{id}/reset", (string id, HttpContext http, LinkStore links, TrafficReset reset, LiveFeed feed, LiveFragments fragments) =>
            Find(http, links, id) is { } link ? DashboardActions.ResetAsync(http, link, reset, feed, fragments) : NotFoundAsync(http));
    }

    /// <summary>A live link the viewer may see, by id or by slug (so <c>/_klinky/links/checkout-pr42</c> can be printed by a script).</summary>
    private static LinkRecord? Find(HttpContext http, LinkStore links, string idOrSlug)
    {
        var link = links.GetAny(idOrSlug) ?? (links.TryGetLiveBySlug(idOrSlug, out var bySlug) ? bySlug : null);
        return link is { IsDeleted: false } && DashboardViewer.Of(http).Sees(link.Workspace) ? link : null;
    }

    private static Task NotFoundAsync(HttpContext http) => DashboardResponses.TextAsync(http, StatusCodes.Status404NotFound, "No such link in the workspaces you can see.");

    private static async Task LoginAsync(HttpContext http, ApiKeyRing ring, DashboardSessions sessions)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        if (ring.Find(form["api_key"].ToString()) is not { } workspace)
        {
            await LoginPage.WriteAsync(http, sessions.CsrfToken(DashboardViewer.LoginScope), "That key is not one this emulator accepts.", StatusCodes.Status401Unauthorized).ConfigureAwait(false);
            return;
        }

        var secure = http.Request.IsHttps ? "; Secure" : "";
        http.Response.Headers.SetCookie = $"{DashboardSessions.CookieName}={sessions.Start(workspace)}; Path={DashboardGate.Prefix}; HttpOnly; SameSite=Strict{secure}";
        http.Response.StatusCode = StatusCodes.Status303SeeOther;
        http.Response.Headers.Location = DashboardGate.Prefix + "/";
    }
}
