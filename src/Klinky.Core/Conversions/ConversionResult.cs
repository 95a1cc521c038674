using System.Text.Json.Serialization;

namespace Klinky.Conversions;

/// <summary>
/// The 202 answer of <c>POST /public/conversions</c>. A response model: callers read it; one built another way comes
/// from <see cref="KlinkyModelFactory.ConversionResult"/>.
/// </summary>
public sealed class ConversionResult
{
    [JsonInclude]
    public string Id { get; internal init; } = "";
    [JsonInclude]
    public bool Deduplicated { get; internal init; }
}
