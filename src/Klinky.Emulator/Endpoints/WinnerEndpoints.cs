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
        if (links.Get(http.Workspace(), id) is null)
        {
            return Problems.LinkNotFound();
        }

        var read = await JsonBody.ReadAsync<WinnerRequest>(http.Request, cancellationToken).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var link = links.Get(http.Workspace(), id);
        if (link is null)
        {
            return Problems.LinkNotFound();
        }

        var label = read.Value!.Label;
        if (string.IsNullOrEmpty(label))
        {
            return Problems.Invalid(new object[] { "body", "label" }, "Field required: the label of the winning variant", "missing");
        }

        if (link.Variants.All(v => v.Label != label))
        {
            return Problems.Invalid(new object[] { "body", "label" }, $"'{label}' is not a variant of this link ({string.Join(", ", link.Variants.Select(v => v.Label))})", "value_error");
        }

        var saved = links.Save(link with { WinnerLabel = label, UpdatedAt = time.GetUtcNow() });
        webhooks.Publish(saved.Workspace, WebhookEvents.WinnerDeclared, new WinnerDeclared(saved.Id, saved.Slug, label, "manual", null));
        return TypedResults.Ok(saved.ToWire(http.RootUrl()));
    }
}
