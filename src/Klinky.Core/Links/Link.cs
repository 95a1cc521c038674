using System.Text.Json.Serialization;

namespace Klinky.Links;

/// <summary>
/// A Klinky smart link as the API returns it. Unknown fields are ignored; missing optional ones stay null. A response
/// model: Core sets it from the answer (through <c>[JsonInclude]</c>) and callers read it; one built another way (a
/// mock, saved figures) comes from <see cref="KlinkyModelFactory.Link"/>.
/// </summary>
public sealed class Link
{
    [JsonInclude]
    public string Id { get; internal init; } = "";
    [JsonInclude]
    public string Name { get; internal init; } = "";
    [JsonInclude]
    public string Slug { get; internal init; } = "";
    [JsonInclude]
    public string? ShortUrl { get; internal init; }
    [JsonInclude]
    public string RoutingType { get; internal init; } = RoutingTypes.AbTest;
    [JsonInclude]
    public bool IsActive { get; internal init; } = true;
    [JsonInclude]
    public IReadOnlyList<Variant> Variants { get; internal init; } = Array.Empty<Variant>();
    [JsonInclude]
    public IReadOnlyDictionary<string, string>? GeoRules { get; internal init; }
    [JsonInclude]
    public bool AutoWinner { get; internal init; }
    [JsonInclude]
    public int AutoWinnerThreshold { get; internal init; } = LinkRules.DefaultAutoWinnerThreshold;
    [JsonInclude]
    public bool EnableConversionTracking { get; internal init; }
    [JsonInclude]
    public string? ConversionRedirectUrl { get; internal init; }
    [JsonInclude]
    public string? WinnerLabel { get; internal init; }
    [JsonInclude]
    public DateTimeOffset? CreatedAt { get; internal init; }
    [JsonInclude]
    public DateTimeOffset? UpdatedAt { get; internal init; }
}
