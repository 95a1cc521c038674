namespace Klinky.Conversions;

/// <summary>The 202 answer of <c>POST /public/conversions</c>.</summary>
public sealed class ConversionResult
{
    public string Id { get; init; } = "";
    public bool Deduplicated { get; init; }
}
