namespace Klinky.Links;

/// <summary>The body of <c>POST /public/links</c>. Checked by <see cref="Validation.LinkValidator"/> before it is sent.</summary>
public sealed class CreateLinkRequest
{
    public CreateLinkRequest(string name, IReadOnlyList<Variant> variants)
    {
        Name = name;
        Variants = variants;
    }

    public string Name { get; }
    public IReadOnlyList<Variant> Variants { get; }

    /// <summary>3-32 characters; the service generates one when null.</summary>
    public string? Slug { get; init; }
    public string? RoutingType { get; init; }
    public IReadOnlyDictionary<string, string>? GeoRules { get; init; }
    public bool? AutoWinner { get; init; }
    public int? AutoWinnerThreshold { get; init; }
    public bool? EnableConversionTracking { get; init; }
    public string? ConversionRedirectUrl { get; init; }
}
