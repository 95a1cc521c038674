using Klinky.Emulator.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Klinky.Emulator.OpenApi;

/// <summary>
/// Completes the schemas that the wire converters hide from the generator: times are strings in date-time format (the UTC
/// converter leaves only the format), and a validation error's <c>loc</c> is a list of names and indexes.
/// </summary>
internal sealed class WireSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type);
        if ((underlying ?? type) == typeof(DateTimeOffset) || (underlying ?? type) == typeof(DateTime))
        {
            schema.Type = underlying is null ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
        }
        else if (type == typeof(ValidationError) && schema.Properties?.TryGetValue("loc", out var loc) == true && loc is OpenApiSchema list)
        {
            // FastAPI's own document describes loc the same way: ["body", "variants", 1, "weight"].
            list.Items = new OpenApiSchema
            {
                AnyOf = new List<IOpenApiSchema>
                {
                    new OpenApiSchema { Type = JsonSchemaType.String },
                    new OpenApiSchema { Type = JsonSchemaType.Integer },
                },
            };
        }

        return Task.CompletedTask;
    }
}
