namespace Klinky.Conversions;

/// <summary>The body of <c>POST /public/conversions</c>.</summary>
public sealed class TrackConversionRequest
{
    public TrackConversionRequest(string clickId, string @event)
    {
        ClickId = clickId;
        Event = @event;
    }

    public string ClickId { get; }
    public string Event { get; }
    public double? Value { get; init; }

    /// <summary>Deduplication key: a second conversion with the same value is not counted again.</summary>
    public string? ExternalId { get; init; }
}
