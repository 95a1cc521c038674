using Klinky.Links;

namespace Klinky.Emulator.Storage;

/// <summary>A stored link (the storage entity; the wire shape is Core's <see cref="Link"/>). Immutable: updates swap the record.</summary>
internal sealed record LinkRecord
{
    public required string Id { get; init; }
    public required string Workspace { get; init; }
    public required long Sequence { get; init; }
    public required string Slug { get; init; }
    public required string Name { get; init; }
    public string RoutingType { get; init; } = RoutingTypes.AbTest;
    public bool IsActive { get; init; } = true;
    public required IReadOnlyList<Variant> Variants { get; init; }
    public IReadOnlyDictionary<string, string>? GeoRules { get; init; }
    public bool AutoWinner { get; init; }
    public int AutoWinnerThreshold { get; init; } = LinkRules.DefaultAutoWinnerThreshold;
    public bool EnableConversionTracking { get; init; }
    public string? ConversionRedirectUrl { get; init; }
    public string? WinnerLabel { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? DeletedAt { get; init; }

    public bool IsDeleted => DeletedAt is not null;

    public Link ToWire(string rootUrl) => KlinkyModelFactory.Link(
        id: Id,
        name: Name,
        slug: Slug,
        shortUrl: rootUrl + "/" + Slug,
        routingType: RoutingType,
        isActive: IsActive,
        variants: Variants,
        geoRules: GeoRules,
        autoWinner: AutoWinner,
        autoWinnerThreshold: AutoWinnerThreshold,
        enableConversionTracking: EnableConversionTracking,
        conversionRedirectUrl: ConversionRedirectUrl,
        winnerLabel: WinnerLabel,
        createdAt: CreatedAt,
        updatedAt: UpdatedAt);
}
