using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Klinky.Emulator.Http;
using Klinky.Emulator.OpenApi;
using Klinky.Emulator.Storage;
using Klinky.Emulator.Webhooks;
using Klinky.Links;
using Klinky.Serialization;
using Klinky.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Klinky.Emulator.Endpoints;

/// <summary><c>/api/v1/public/links</c>: create (with Idempotency-Key), list, read, update, re-weight and soft-delete links.</summary>
internal static class LinksEndpoints
{
    public static RouteGroupBuilder MapLinks(this RouteGroupBuilder api, bool full)
    {
        var links = api.MapGroup("/public/links").WithTags("Links");
        links.MapPost("/", CreateAsync).WithName("CreateLink").WithSummary("Create a link").WithIdempotencyKey()
            .Accepts<CreateLinkRequest>("application/json")
            .Produces<Link>(StatusCodes.Status201Created)
            .Produces<ErrorDetail>(StatusCodes.Status409Conflict)
            .Produces<ValidationErrors>(StatusCodes.Status422UnprocessableEntity);
        var list = links.MapGet("/", (HttpContext http, LinkStore store) => List(http, store, full)).WithName("ListLinks").WithSummary("List the workspace's links, oldest first")
            .Produces<LinkPage<Link>>().WithPaging();
        if (full)
        {
            list.WithQueryFilter("slug", "Only the link with exactly this slug (this toolkit's proposal).")
                .WithQueryFilter("search", "Only links whose name or slug contains this text, ignoring case (this toolkit's proposal).");
        }

        links.MapGet("/{id}", Get).WithName("GetLink").WithSummary("Read a link");
        links.MapPut("/{id}", UpdateAsync).WithName("UpdateLink").WithSummary("Change some of a link's settings").Accepts<UpdateLinkRequest>("application/json").ProducesLinkOrErrors();
        links.MapPut("/{id}/variants", ReplaceVariantsAsync).WithName("ReplaceVariants").WithSummary("Replace a link's variants and weights").Accepts<List<Variant>>("application/json").ProducesLinkOrErrors();
        links.MapDelete("/{id}", Delete).WithName("DeleteLink").WithSummary("Delete a link: it stops redirecting and leaves lists");
        return links;
    }

    private static async Task<IResult> CreateAsync(HttpContext http, LinkStore store, TimeProvider time, WebhookDispatcher webhooks, CancellationToken cancellationToken)
    {
        var read = await JsonBody.ReadAsync<CreateLinkRequest>(http.Request, cancellationToken).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var request = read.Value!;
        var errors = LinkValidator.Validate(request);
        if (errors.Count > 0)
        {
            return Problems.Invalid("body", errors);
        }

        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 255)
        {
            return Problems.Invalid(new object[] { "header", "Idempotency-Key" }, "is longer than 255 characters", "value_error");
        }

        var claim = key.Length == 0 ? null : new IdempotencyClaim(key, Digest(request));
        var now = time.GetUtcNow();
        var draft = new LinkRecord
        {
            Id = Guid.NewGuid().ToString(),
            Workspace = http.Workspace().Id,
            Sequence = 0,
            Slug = request.Slug ?? "",
            Name = request.Name,
            RoutingType = request.RoutingType ?? RoutingTypes.AbTest,
            Variants = request.Variants,
            GeoRules = request.GeoRules,
            AutoWinner = request.AutoWinner ?? false,
            AutoWinnerThreshold = request.AutoWinnerThreshold ?? LinkRules.DefaultAutoWinnerThreshold,
            EnableConversionTracking = request.EnableConversionTracking ?? true,
            ConversionRedirectUrl = request.ConversionRedirectUrl,
            CreatedAt = now,
            UpdatedAt = now,
        };

        var root = http.RootUrl();
        var outcome = store.Create(draft, claim, link => JsonSerializer.Serialize(link.ToWire(root), WireJson.Options));
        switch (outcome.Kind)
        {
            case CreateOutcomeKind.Replayed:
                http.Response.Headers["Idempotent-Replayed"] = "true";
                return TypedResults.Content(outcome.ReplayBody, "application/json", Encoding.UTF8, outcome.ReplayStatus);
            case CreateOutcomeKind.IdempotencyKeyReused:
                return TypedResults.Conflict(new ErrorDetail("Idempotency-Key was already used with a different request body"));
            case CreateOutcomeKind.SlugTaken:
                return TypedResults.Conflict(new ErrorDetail(LinkStore.IsReserved(draft.Slug) ? $"Slug '{draft.Slug}' is reserved" : $"Slug '{draft.Slug}' is already taken"));
            default:
                var created = outcome.Link!.ToWire(root);
                webhooks.Publish(draft.Workspace, WebhookEvents.LinkCreated, created);
                return TypedResults.Created($"/api/v1/public/links/{created.Id}", created);
        }
    }

    private static Results<Ok<LinkPage<Link>>, UnprocessableEntity<ValidationErrors>> List(HttpContext http, LinkStore store, bool full)
    {
        var query = new QueryReader(http.Request);
        var page = query.Page();
        var perPage = query.PerPage();
        var slug = query.Text("slug");
        var search = query.Text("search");
        if (query.Errors.Count > 0)
        {
            return Problems.Invalid("query", query.Errors);
        }

        IEnumerable<LinkRecord> links = store.List(http.Workspace());
        if (full && slug is not null)
        {
            links = links.Where(l => l.Slug == slug);
        }

        if (full && search is not null)
        {
            links = links.Where(l => l.Name.Contains(search, StringComparison.OrdinalIgnoreCase) || l.Slug.Contains(search, StringComparison.OrdinalIgnoreCase));
        }

        var all = links.ToList();
        var root = http.RootUrl();
        var items = all.Skip((page - 1) * perPage).Take(perPage).Select(l => l.ToWire(root)).ToList();
        return TypedResults.Ok(new LinkPage<Link>(items, all.Count, page, perPage));
    }

    private static Results<Ok<Link>, NotFound<ErrorDetail>> Get(string id, HttpContext http, LinkStore store) =>
        store.Get(http.Workspace(), id) is { } link ? TypedResults.Ok(link.ToWire(http.RootUrl())) : Problems.LinkNotFound();

    // The body is read first and the link is looked up once, inside the store's atomic change: FastAPI validates a body
    // before the handler runs, and a lookup made before the write could be stale by the time it lands.
    private static async Task<IResult> UpdateAsync(
        string id, HttpContext http, LinkStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var read = await JsonBody.ReadAsync<UpdateLinkRequest>(http.Request, cancellationToken).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var update = read.Value!;
        IReadOnlyList<KlinkyFieldError> errors = Array.Empty<KlinkyFieldError>();
        var change = store.Change(http.Workspace(), id, link =>
        {
            errors = LinkValidator.Validate(update, link.Variants);
            return errors.Count > 0 ? null : link with
            {
                Name = update.Name ?? link.Name,
                IsActive = update.IsActive ?? link.IsActive,
                AutoWinner = update.AutoWinner ?? link.AutoWinner,
                AutoWinnerThreshold = update.AutoWinnerThreshold ?? link.AutoWinnerThreshold,
                ConversionRedirectUrl = update.ConversionRedirectUrl ?? link.ConversionRedirectUrl,
                GeoRules = update.GeoRules ?? link.GeoRules,
                UpdatedAt = time.GetUtcNow(),
            };
        });
        return !change.Found ? Problems.LinkNotFound()
            : errors.Count > 0 ? Problems.Invalid("body", errors)
            : TypedResults.Ok(change.Link!.ToWire(http.RootUrl()));
    }

    private static async Task<IResult> ReplaceVariantsAsync(
        string id, HttpContext http, LinkStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var read = await JsonBody.ReadAsync<List<Variant>>(http.Request, cancellationToken).ConfigureAwait(false);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        var variants = read.Value!;
        var errors = LinkValidator.ValidateVariants(variants);
        if (errors.Count > 0)
        {
            // The body is a bare array, so FastAPI's loc starts at the index: ["body", 1, "weight"].
            return Problems.Invalid("body", errors.Select(e => new KlinkyFieldError(e.Field.StartsWith("variants", StringComparison.Ordinal) ? e.Field["variants".Length..] : e.Field, e.Message)));
        }

        var change = store.Change(http.Workspace(), id, link =>
        {
            var winnerKept = link.WinnerLabel is not null && variants.Any(v => v.Label == link.WinnerLabel);
            return link with { Variants = variants, WinnerLabel = winnerKept ? link.WinnerLabel : null, UpdatedAt = time.GetUtcNow() };
        });
        return change.Found ? TypedResults.Ok(change.Link!.ToWire(http.RootUrl())) : Problems.LinkNotFound();
    }

    private static Results<NoContent, NotFound<ErrorDetail>> Delete(string id, HttpContext http, LinkStore store, TimeProvider time)
    {
        var now = time.GetUtcNow();
        return store.Change(http.Workspace(), id, link => link with { DeletedAt = now, UpdatedAt = now }).Found
            ? TypedResults.NoContent()
            : Problems.LinkNotFound();
    }

    private static RouteHandlerBuilder ProducesLinkOrErrors(this RouteHandlerBuilder route) => route
        .Produces<Link>()
        .Produces<ErrorDetail>(StatusCodes.Status404NotFound)
        .Produces<ValidationErrors>(StatusCodes.Status422UnprocessableEntity);

    private static string Digest(CreateLinkRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(KlinkyJson.Serialize(request))));
}
