using Klinky.Links;
using Microsoft.OpenApi;

namespace Klinky.Emulator.OpenApi;

/// <summary>
/// The OpenAPI metadata that endpoints declare where they are mapped: the query parameters and headers their handlers read.
/// One home for each parameter's name, range and wording, shared by every route that takes it.
/// </summary>
internal static class EndpointDocumentation
{
    private const string DateText = "an ISO-8601 date (2026-01-15, the whole UTC day) or date-time (2026-01-15T14:30:00Z)";

    /// <summary><c>page</c> (from 1) and <c>per_page</c> (1-100, default 20).</summary>
    public static RouteHandlerBuilder WithPaging(this RouteHandlerBuilder route) => route.WithMetadata(
        new DocumentedParameter("page", ParameterLocation.Query, JsonSchemaType.Integer, "The page to read, from 1.") { Format = "int32", Minimum = 1, Default = 1 },
        new DocumentedParameter("per_page", ParameterLocation.Query, JsonSchemaType.Integer, $"Items per page, 1-{LinkRules.MaxPerPage}.")
        {
            Format = "int32",
            Minimum = 1,
            Maximum = LinkRules.MaxPerPage,
            Default = 20,
        });

    /// <summary><c>start_date</c> and <c>end_date</c>, both inclusive and optional.</summary>
    public static RouteHandlerBuilder WithDateRange(this RouteHandlerBuilder route) => route.WithMetadata(
        new DocumentedParameter("start_date", ParameterLocation.Query, JsonSchemaType.String, $"Only clicks at or after this time: {DateText}.") { Format = "date-time" },
        new DocumentedParameter("end_date", ParameterLocation.Query, JsonSchemaType.String, $"Only clicks at or before this time: {DateText}; a date means the end of that day.") { Format = "date-time" });

    /// <summary>An optional text filter in the query.</summary>
    public static RouteHandlerBuilder WithQueryFilter(this RouteHandlerBuilder route, string name, string description) =>
        route.WithMetadata(new DocumentedParameter(name, ParameterLocation.Query, JsonSchemaType.String, description));

    /// <summary>The <c>Idempotency-Key</c> request header of a create.</summary>
    public static RouteHandlerBuilder WithIdempotencyKey(this RouteHandlerBuilder route) => route.WithMetadata(
        new DocumentedParameter(
            "Idempotency-Key",
            ParameterLocation.Header,
            JsonSchemaType.String,
            "Makes a retried create safe: the same key with the same body replays the first answer (with Idempotent-Replayed: true); the same key with another body is 409.")
        {
            MaxLength = 255,
        });
}
