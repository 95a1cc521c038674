using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Klinky.Emulator.OpenApi;

/// <summary>
/// Declares the answers every operation can give besides its own: 401, 403, 429 and 500 on all, 413/415/422 where a JSON body is
/// read, and the <c>X-RateLimit-*</c> headers on every answer past the key check (<c>Retry-After</c> on 429), so that generated
/// clients map each status to a typed error and can read the budget.
/// </summary>
internal sealed class ErrorResponsesTransformer : IOpenApiDocumentTransformer
{
    private const string ErrorDetail = nameof(Http.ErrorDetail);
    private const string ValidationErrors = nameof(Http.ValidationErrors);

    private static readonly (string Name, string Description)[] RateHeaders =
    {
        ("X-RateLimit-Limit", "Requests the key may make in the current hourly window."),
        ("X-RateLimit-Remaining", "Requests left in the current window."),
        ("X-RateLimit-Reset", "When the window resets, in Unix seconds (UTC)."),
    };

    private static readonly (string Status, string Description, string Schema, bool RateHeaders)[] Common =
    {
        ("401", "The API key is missing or not valid.", ErrorDetail, false),
        ("403", "The key's plan has no API access (hosted service: Free and Starter plans).", ErrorDetail, false),
        ("429", "The key's hourly budget is spent: wait Retry-After seconds (up to the window's reset).", ErrorDetail, true),
        ("500", "A server error, with a Klinky error body.", ErrorDetail, true),
    };

    private static readonly (string Status, string Description, string Schema)[] BodyErrors =
    {
        ("413", "The request body is larger than 1 MiB.", ErrorDetail),
        ("415", "The request body is not application/json in UTF-8.", ErrorDetail),
        ("422", "The request is not valid: each error names its location (loc), the rule (msg) and a kind (type).", ValidationErrors),
    };

    // Endpoints declare these with the framework's bare reason phrase; a client's reader deserves what they mean here.
    private static readonly Dictionary<string, string> DeclaredByEndpoints = new(StringComparer.Ordinal)
    {
        ["404"] = "No such link (or click, or webhook) in the key's workspace.",
        ["409"] = "The slug is taken or reserved, or the Idempotency-Key was used with another body.",
        ["422"] = "The request is not valid: each error names its location (loc), the rule (msg) and a kind (type).",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        foreach (var (name, description) in RateHeaders)
        {
            document.Components.Headers[name] = IntegerHeader(description);
        }

        document.Components.Headers["Retry-After"] = IntegerHeader("Seconds to wait before the budget allows another request.");

        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            operation.Responses ??= new OpenApiResponses();
            foreach (var (status, response) in operation.Responses.Select(r => (r.Key, r.Value as OpenApiResponse)))
            {
                if (response is null)
                {
                    continue;
                }

                AddRateHeaders(response, document);
                if (DeclaredByEndpoints.TryGetValue(status, out var better) && !string.IsNullOrEmpty(response.Description) && response.Description == ReasonPhrase(status))
                {
                    response.Description = better;
                }
            }

            if (operation.RequestBody is not null || operation.Parameters?.Any(p => p.In != ParameterLocation.Path) == true)
            {
                foreach (var (status, description, schema) in BodyErrors)
                {
                    if (status == "422" || operation.RequestBody is not null)
                    {
                        Add(operation, status, description, schema, rateHeaders: true, document);
                    }
                }
            }

            foreach (var (status, description, schema, rateHeaders) in Common)
            {
                Add(operation, status, description, schema, rateHeaders, document);
            }
        }

        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, string status, string description, string schema, bool rateHeaders, OpenApiDocument document)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        var response = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(schema, document) },
            },
        };
        if (rateHeaders)
        {
            AddRateHeaders(response, document);
        }

        if (status == "429")
        {
            response.Headers!["Retry-After"] = new OpenApiHeaderReference("Retry-After", document);
        }

        operation.Responses[status] = response;
    }

    private static void AddRateHeaders(OpenApiResponse response, OpenApiDocument document)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        foreach (var (name, _) in RateHeaders)
        {
            response.Headers[name] = new OpenApiHeaderReference(name, document);
        }
    }

    private static string ReasonPhrase(string status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture));

    private static OpenApiHeader IntegerHeader(string description) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
    };
}
