using Klinky.Conversions;
using Klinky.Emulator.Http;
using Klinky.Emulator.Storage;
using Klinky.Emulator.Webhooks;
using Klinky.Emulator.Winners;

namespace Klinky.Emulator.Endpoints;

/// <summary><c>POST /api/v1/public/conversions</c> (a P row): 202, deduplicated on <c>external_id</c>, attributed to the click's variant.</summary>
internal static class ConversionsEndpoints
{
    private const int MaxTextLength = 200;

    public static void MapConversions(this RouteGroupBuilder api) =>
        api.MapPost("/public/conversions", TrackAsync).WithName("TrackConversion").WithSummary("Record a conversion for a click").WithTags("Conversions")
            .Accepts<TrackConversionRequest>("application/json")
            .Produces<ConversionResult>(StatusCodes.Status202Accepted)
            .Produces<ErrorDetail>(StatusCodes.Status404NotFound)
            .Produces<ValidationErrors>(StatusCodes.Status422UnprocessableEntity);

    private static async Task<IResult> TrackAsync(
        HttpContext http, LinkStore links, ClickQueries clicks, ConversionStore conversions,
        AutoWinnerService winners, WebhookDispatcher webhooks, TimeProvider time, CancellationToken cancellationToken)
    {
        var read = await JsonBody.ReadAsync<TrackConversionRequest>(http.Request, cancellationToken).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var request = read.Value!;
        var errors = new List<KlinkyFieldError>();
        Require("click_id", request.ClickId, errors);
        Require("event", request.Event, errors);
        if (request.ExternalId is { Length: > MaxTextLength })
        {
            errors.Add(new("external_id", $"is longer than {MaxTextLength} characters"));
        }

        if (request.Value is { } value && (double.IsNaN(value) || double.IsInfinity(value)))
        {
            errors.Add(new("value", "must be a finite number"));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid("body", errors);
        }

        var workspace = http.Workspace();
        var click = await clicks.FindAsync(request.ClickId, cancellationToken).ConfigureAwait(false);
        if (click is null || links.GetAny(click.Value.LinkId) is not { } link || link.Workspace != workspace.Id)
        {
            return TypedResults.NotFound(new ErrorDetail("Click not found"));
        }

        var (id, deduplicated) = conversions.Record(workspace.Id, request.ClickId, link.Id, click.Value.VariantLabel, request.Event, request.Value, request.ExternalId, time.GetUtcNow());
        if (!deduplicated)
        {
            winners.MarkDirty(link.Id);
            webhooks.Publish(workspace.Id, WebhookEvents.ConversionTracked, new
            {
                id,
                click_id = request.ClickId,
                link_id = link.Id,
                variant_label = click.Value.VariantLabel,
                @event = request.Event,
                value = request.Value,
                external_id = request.ExternalId,
            });
        }

        return TypedResults.Json(KlinkyModelFactory.ConversionResult(id, deduplicated), WireJson.Options, statusCode: StatusCodes.Status202Accepted);
    }

    private static void Require(string field, string? value, List<KlinkyFieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new(field, "Field required"));
        }
        else if (value.Length > MaxTextLength)
        {
            errors.Add(new(field, $"is longer than {MaxTextLength} characters"));
        }
    }
}
