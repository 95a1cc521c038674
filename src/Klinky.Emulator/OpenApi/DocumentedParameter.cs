using Microsoft.OpenApi;

namespace Klinky.Emulator.OpenApi;

/// <summary>
/// Endpoint metadata for a query parameter or request header that a handler reads itself (from <see cref="Http.QueryReader"/>
/// or the headers), so that the OpenAPI document lists it although the handler's signature does not show it.
/// </summary>
internal sealed record DocumentedParameter(string Name, ParameterLocation In, JsonSchemaType Type, string Description)
{
    public string? Format { get; init; }

    public int? Minimum { get; init; }

    public int? Maximum { get; init; }

    public int? MaxLength { get; init; }

    public int? Default { get; init; }
}
