using Klinky.Emulator.Storage;

namespace Klinky.Emulator.Hosting;

/// <summary>
/// <c>GET /healthz</c> (no key, not counted): 200 while every click has been stored, 503 with the count of unrecorded clicks
/// and the last storage error once one could not be, so a failing disk shows without reading the log.
/// </summary>
internal static class HealthEndpoint
{
    public const string Path = "/" + LinkStore.HealthSlug;

    public static void MapHealth(this WebApplication app) =>
        app.MapGet(Path, (ClickWriter clicks) =>
        {
            var unrecorded = clicks.UnrecordedClicks;
            var body = new HealthReport(unrecorded == 0 ? "ok" : "degraded", unrecorded, clicks.LastFailure);
            return Results.Json(body, Http.WireJson.Options, statusCode: unrecorded == 0 ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).ExcludeFromDescription();
}
