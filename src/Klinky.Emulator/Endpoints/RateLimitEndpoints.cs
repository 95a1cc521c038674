using Klinky.Emulator.Http;
using Klinky.Emulator.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Klinky.Emulator.Endpoints;

/// <summary><c>GET /api/v1/public/keys/rate-limit</c>: the key's budget. Accepts the API key here and does not count.</summary>
internal static class RateLimitEndpoints
{
    public static void MapRateLimit(this RouteGroupBuilder api) =>
        api.MapGet("/public/keys/rate-limit", Get).WithName("GetRateLimit").WithSummary("Read the key's hourly budget (not counted)").WithTags("Keys");

    private static Ok<RateLimitBody> Get(HttpContext http, RateLimiter limiter)
    {
        var window = limiter.Peek(http.Workspace());
        return TypedResults.Ok(new RateLimitBody(window.Limit, window.Remaining, window.ResetsAt.ToUnixTimeSeconds()));
    }
}
