using Klinky.Emulator.Http;
using Klinky.Emulator.OpenApi;
using Klinky.Emulator.Storage;
using Klinky.Emulator.Winners;
using Klinky.Stats;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Klinky.Emulator.Endpoints;

/// <summary><c>GET /api/v1/public/links/{id}/stats</c> (a P row): Core's stats object, from maintained counters.</summary>
internal static class StatsEndpoints
{
    public static void MapStats(this RouteGroupBuilder links) =>
        links.MapGet("/{id}/stats", GetAsync).WithName("GetLinkStats").WithSummary("Per-variant rates, intervals, p-values and the verdict").WithDateRange();

    private static async Task<Results<Ok<LinkStats>, NotFound<ErrorDetail>, UnprocessableEntity<ValidationErrors>>> GetAsync(
        string id, HttpContext http, LinkStore links, LinkStatsService stats, CancellationToken cancellationToken)
    {
        var link = links.Get(http.Workspace(), id);
        if (link is null)
        {
            return Problems.LinkNotFound();
        }

        var query = new QueryReader(http.Request);
        var range = query.Dates();
        if (query.Errors.Count > 0)
        {
            return Problems.Invalid("query", query.Errors);
        }

        return TypedResults.Ok(await stats.ComputeAsync(link, range, cancellationToken).ConfigureAwait(false));
    }
}
