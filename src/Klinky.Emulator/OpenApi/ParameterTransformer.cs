using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Klinky.Emulator.OpenApi;

/// <summary>Adds the <see cref="DocumentedParameter"/>s an endpoint declared to its operation.</summary>
internal sealed class ParameterTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var declared = context.Description.ActionDescriptor.EndpointMetadata.OfType<DocumentedParameter>().ToList();
        if (declared.Count == 0)
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= new List<IOpenApiParameter>();
        foreach (var parameter in declared)
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = parameter.In,
                Required = false,
                Description = parameter.Description,
                Schema = new OpenApiSchema
                {
                    Type = parameter.Type,
                    Format = parameter.Format,
                    Minimum = parameter.Minimum?.ToString(CultureInfo.InvariantCulture),
                    Maximum = parameter.Maximum?.ToString(CultureInfo.InvariantCulture),
                    MaxLength = parameter.MaxLength,
                    Default = parameter.Default is { } value ? JsonValue.Create(value) : null,
                },
            });
        }

        return Task.CompletedTask;
    }
}
