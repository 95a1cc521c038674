using Klinky.Clicks;
using Klinky.Conversions;
using Klinky.Links;

namespace Klinky;

/// <summary>
/// Builds the response models whose setters are not public API (as the Azure SDK's model factories do): for mocks of
/// the virtual sub-clients, and for the products that hold a link, click or conversion from elsewhere (saved figures,
/// the emulator's store, the build's manifest). One method per model instead of a public setter per property; a
/// parameter left out gets the default a missing field of the API's answer gets.
/// </summary>
public static class KlinkyModelFactory
{
    public static Link Link(
        string id = "",
        string name = "",
        string slug = "",
        string? shortUrl = null,
        string routingType = RoutingTypes.AbTest,
        bool isActive = true,
        IReadOnlyList<Variant>? variants = null,
        IReadOnlyDictionary<string, string>? geoRules = null,
        bool autoWinner = false,
        int autoWinnerThreshold = LinkRules.DefaultAutoWinnerThreshold,
        bool enableConversionTracking = false,
        string? conversionRedirectUrl = null,
        string? winnerLabel = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? updatedAt = null) => new()
        {
            Id = id,
            Name = name,
            Slug = slug,
            ShortUrl = shortUrl,
            RoutingType = routingType,
            IsActive = isActive,
            Variants = variants ?? Array.Empty<Variant>(),
            GeoRules = geoRules,
            AutoWinner = autoWinner,
            AutoWinnerThreshold = autoWinnerThreshold,
            EnableConversionTracking = enableConversionTracking,
            ConversionRedirectUrl = conversionRedirectUrl,
            WinnerLabel = winnerLabel,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };

    public static Click Click(
        string id = "",
        DateTimeOffset createdAt = default,
        string variantLabel = "",
        string? country = null,
        string? referrer = null,
        string? device = null,
        bool? converted = null,
        DateTimeOffset? convertedAt = null) => new()
        {
            Id = id,
            CreatedAt = createdAt,
            VariantLabel = variantLabel,
            Country = country,
            Referrer = referrer,
            Device = device,
            Converted = converted,
            ConvertedAt = convertedAt,
        };

    public static ConversionResult ConversionResult(string id = "", bool deduplicated = false) => new() { Id = id, Deduplicated = deduplicated };
}
