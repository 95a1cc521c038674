using Microsoft.AspNetCore.OpenApi;

namespace Klinky.Emulator.OpenApi;

/// <summary>Registers the emulator's OpenAPI document (served at <c>/api/v1/openapi.json</c>) with its transformers.</summary>
internal static class OpenApiRegistration
{
    public static IServiceCollection AddKlinkyOpenApi(this IServiceCollection services) => services.AddOpenApi("v1", options =>
    {
        // Anonymous answer types (the webhook list) are described inline instead of under a generated name.
        options.CreateSchemaReferenceId = type => type.Type.Name.Contains("AnonymousType", StringComparison.Ordinal)
            ? null
            : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        options.AddSchemaTransformer<WireSchemaTransformer>();
        options.AddOperationTransformer<ParameterTransformer>();
        options.AddDocumentTransformer<ApiDocumentTransformer>();
        options.AddDocumentTransformer<ErrorResponsesTransformer>();
    });
}
