using Klinky.Clicks;
using Klinky.Emulator.Http;
using Klinky.Emulator.OpenApi;
using Klinky.Emulator.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Klinky.Emulator.Endpoints;

/// <summary><c>GET /api/v1/public/links/{id}/clicks</c>: the clicks export, paged and filtered by date.</summary>
internal static class ClicksEndpoints
{
    public static void MapClicks(this RouteGroupBuilder links) =>
        links.MapGet("/{id}/clicks", ListAsync).WithName("ListClicks").WithSummary("Export a link's counted clicks, oldest first").WithPaging().WithDateRange();

    private static async Task<Results<Ok<LinkPage<Click>>, NotFound<ErrorDetail>, UnprocessableEntity<ValidationErrors>>> ListAsync(
        string id, HttpContext http, LinkStore links, ClickQueries clicks, CancellationToken cancellationToken)
    {
        var link = links.Get(http.Workspace(), id);
        if (link is null)
        {
            return Problems.LinkNotFound();
        }

        var query = new QueryReader(http.Request);
        var page = query.Page();
        var perPage = query.PerPage();
        var range = query.Dates();
        if (query.Errors.Count > 0)
        {
            return Problems.Invalid("query", query.Errors);
        }

        var (items, total) = await clicks.PageAsync(link.Id, range, page, perPage, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new LinkPage<Click>(items, total, page, perPage));
    }
}
