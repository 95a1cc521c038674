namespace Klinky.Links;

/// <summary>The body of <c>PUT /public/links/{id}</c>: a partial update, null fields are left unchanged.</summary>
public sealed class UpdateLinkRequest
{
    public string? Name { get; init; }
    public bool? IsActive { get; init; }
    public bool? AutoWinner { get; init; }
    public int? AutoWinnerThreshold { get; init; }
    public string? ConversionRedirectUrl { get; init; }
    public IReadOnlyDictionary<string, string>? GeoRules { get; init; }

    internal bool IsEmpty =>
        Name is null && IsActive is null && AutoWinner is null && AutoWinnerThreshold is null
        && ConversionRedirectUrl is null && GeoRules is null;
}
