namespace Klinky.Clicks;

/// <summary>One counted click (bots and repeat clicks of a visitor session are not counted).</summary>
public sealed class Click
{
    public string Id { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public string VariantLabel { get; init; } = "";
    public string? Country { get; init; }
    public string? Referrer { get; init; }
    public string? Device { get; init; }
    public bool? Converted { get; init; }
    public DateTimeOffset? ConvertedAt { get; init; }
}
