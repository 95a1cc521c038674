using Klinky.Emulator.Http;
using Klinky.Emulator.OpenApi;
using Klinky.Emulator.Storage;
using Klinky.Emulator.Webhooks;
using Klinky.Emulator.Winners;
using Klinky.Links;

namespace Klinky.Emulator.Endpoints;

/// <summary><c>POST /api/v1/public/links/{id}/winner</c> (a P row): every visitor then goes to the winner.</summary>
internal static class WinnerEndpoints
{
    public static void MapWinner(this RouteGroupBuilder links) =>
        links.MapPost("/{id}/winner", DeclareAsync).WithName("DeclareWinner").WithSummary("Send every visitor to one variant")
            .Accepts<WinnerRequest>("application/json")
            .Produces<Link>()
            .Produces<ErrorDetail>(StatusCodes.Status404NotFound)
            .Produces<ValidationErrors>(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> DeclareAsync(string id, HttpContext http, LinkStore links, WebhookDispatcher webhooks, TimeProvider time, CancellationToken cancellationToken)
    {
        var read = await JsonBody.ReadAsync<WinnerRequest>(http.Request, cancellationToken).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var label = read.Value!.Label;
        if (string.IsNullOrEmpty(label))
        {
            return Problems.Invalid(new object[] { "body", "label" }, "Field required: the label of the winning variant", "missing");
        }

        // One atomic read-and-write: a winner declared while the link is deleted or re-weighted lands on the latest record.
        IResult? refused = null;
        var change = links.Change(http.Workspace(), id, link =>
        {
            if (link.Variants.All(v => v.Label != label))
            {
                refused = Problems.Invalid(new object[] { "body", "label" }, $"'{label}' is not a variant of this link ({string.Join(", ", link.Variants.Select(v => v.Label))})", "value_error");
                return null;
            }

            return link with { WinnerLabel = label, UpdatedAt = time.GetUtcNow() };
        });
        if (!change.Found)
        {
            return Problems.LinkNotFound();
        }

        if (refused is not null)
        {
            return refused;
        }

        var saved = change.Link!;
        webhooks.Publish(saved.Workspace, WebhookEvents.WinnerDeclared, new WinnerDeclared(saved.Id, saved.Slug, label, "manual", null));
        return TypedResults.Ok(saved.ToWire(http.RootUrl()));
    }
}
