using Klinky.Emulator.CommandLine;

namespace Klinky.Emulator.Endpoints;

/// <summary>Maps the contract's rows under <c>/api/v1</c>: D and I always, P only with <c>--profile full</c>.</summary>
internal static class ApiEndpoints
{
    public static void MapKlinkyApi(this WebApplication app, ServeProfile profile)
    {
        var full = profile == ServeProfile.Full;
        var api = app.MapGroup("/api/v1");
        var links = api.MapLinks(full);
        links.MapClicks();
        api.MapRateLimit();
        if (full)
        {
            links.MapStats();
            links.MapWinner();
            api.MapConversions();
            api.MapWebhooks();
        }
    }
}
