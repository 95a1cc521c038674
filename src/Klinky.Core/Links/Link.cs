namespace Klinky.Links;

/// <summary>A Klinky smart link as the API returns it. Unknown fields are ignored; missing optional ones stay null.</summary>
public sealed class Link
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
    public string Slug { get; init; } = "";
    public string? ShortUrl { get; init; }
    public string RoutingType { get; init; } = RoutingTypes.AbTest;
    public bool IsActive { get; init; } = true;
    public IReadOnlyList<Variant> Variants { get; init; } = Array.Empty<Variant>();
    public IReadOnlyDictionary<string, string>? GeoRules { get; init; }
    public bool AutoWinner { get; init; }
    public int AutoWinnerThreshold { get; init; } = LinkRules.DefaultAutoWinnerThreshold;
    public bool EnableConversionTracking { get; init; }
    public string? ConversionRedirectUrl { get; init; }
    public string? WinnerLabel { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }
}
