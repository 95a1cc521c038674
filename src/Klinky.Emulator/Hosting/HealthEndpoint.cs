using Klinky.Emulator.Storage;

namespace Klinky.Emulator.Hosting;

/// <summary>
/// <c>GET /healthz</c> (no key, not counted): 200 while every click has been recorded, 503 with the counts of refused and
/// pending clicks and the last storage error once one could not be, so a failing disk shows without reading the log.
/// </summary>
internal static class HealthEndpoint
{
    public const string Path = "/" + LinkStore.HealthSlug;

    public static void MapHealth(this WebApplication app) =>
        app.MapGet(Path, (ClickWriter clicks) =>
        {
            var (unrecorded, pending) = (clicks.UnrecordedClicks, clicks.PendingClicks);
            var healthy = unrecorded == 0 && pending == 0;
            var body = new HealthReport(healthy ? "ok" : "degraded", unrecorded, pending, clicks.LastFailure);
            return Results.Json(body, Http.WireJson.Options, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).ExcludeFromDescription();
}
