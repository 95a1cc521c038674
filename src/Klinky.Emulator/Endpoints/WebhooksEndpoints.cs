using System.Net;
using Klinky.Emulator.Http;
using Klinky.Emulator.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Klinky.Emulator.Endpoints;

/// <summary><c>/api/v1/public/webhooks</c> (P, our proposal): register, list and remove loopback receivers of signed events.</summary>
internal static class WebhooksEndpoints
{
    public static void MapWebhooks(this RouteGroupBuilder api)
    {
        var hooks = api.MapGroup("/public/webhooks").WithTags("Webhooks");
        hooks.MapPost("/", CreateAsync).WithName("CreateWebhook").WithSummary("Register a webhook receiver")
            .Accepts<WebhookRequest>("application/json")
            .Produces<WebhookView>(StatusCodes.Status201Created)
            .Produces<ValidationErrors>(StatusCodes.Status422UnprocessableEntity);
        hooks.MapGet("/", (HttpContext http, WebhookDispatcher dispatcher) =>
            TypedResults.Ok(new { items = dispatcher.List(http.Workspace().Id).Select(View).ToList() })).WithName("ListWebhooks").WithSummary("List the registered webhooks");
        hooks.MapDelete("/{id}", Results<NoContent, NotFound<ErrorDetail>> (string id, HttpContext http, WebhookDispatcher dispatcher) =>
            dispatcher.Remove(http.Workspace().Id, id) ? TypedResults.NoContent() : TypedResults.NotFound(new ErrorDetail("Webhook not found"))).WithName("DeleteWebhook").WithSummary("Remove a webhook");
    }

    private static async Task<IResult> CreateAsync(HttpContext http, WebhookDispatcher dispatcher, TimeProvider time, CancellationToken cancellationToken)
    {
        var read = await JsonBody.ReadAsync<WebhookRequest>(http.Request, cancellationToken).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var request = read.Value!;
        var errors = new List<KlinkyFieldError>();
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add(new("url", "is required: an absolute http(s) URL"));
        }
        else if (!IsLoopback(url))
        {
            errors.Add(new("url", $"'{url.Host}' is not a loopback host; the emulator only delivers to 127.0.0.1, ::1 or localhost"));
        }

        if (request.Secret is null || request.Secret.Length is < 8 or > 200)
        {
            errors.Add(new("secret", "is required: 8-200 characters"));
        }

        var events = request.Events ?? Array.Empty<string>();
        if (events.Count == 0)
        {
            errors.Add(new("events", $"at least one of {string.Join(", ", WebhookEvents.All)}"));
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is null || !WebhookEvents.All.Contains(events[i]))
            {
                errors.Add(new($"events[{i}]", $"'{events[i]}' is not an event; use {string.Join(", ", WebhookEvents.All)}"));
            }
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid("body", errors);
        }

        var subscription = new WebhookSubscription("wh_" + Guid.NewGuid().ToString("N"), http.Workspace().Id, url!.ToString(), request.Secret!, events.Distinct().ToList(), time.GetUtcNow());
        dispatcher.Add(subscription);
        return TypedResults.Created($"/api/v1/public/webhooks/{subscription.Id}", View(subscription));
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static WebhookView View(WebhookSubscription s) => new(s.Id, s.Url, s.Events, s.CreatedAt);
}
