using System.Text.Json.Serialization;

namespace Klinky.Clicks;

/// <summary>
/// One counted click (bots and repeat clicks of a visitor session are not counted). A response model: callers read it;
/// one built another way comes from <see cref="KlinkyModelFactory.Click"/>.
/// </summary>
public sealed class Click
{
    [JsonInclude]
    public string Id { get; internal init; } = "";
    [JsonInclude]
    public DateTimeOffset CreatedAt { get; internal init; }
    [JsonInclude]
    public string VariantLabel { get; internal init; } = "";
    [JsonInclude]
    public string? Country { get; internal init; }
    [JsonInclude]
    public string? Referrer { get; internal init; }
    [JsonInclude]
    public string? Device { get; internal init; }
    [JsonInclude]
    public bool? Converted { get; internal init; }
    [JsonInclude]
    public DateTimeOffset? ConvertedAt { get; internal init; }
}
