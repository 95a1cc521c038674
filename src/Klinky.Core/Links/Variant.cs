using System.Text.Json.Serialization;

namespace Klinky.Links;

/// <summary>One weighted destination of an A/B link.</summary>
public sealed class Variant
{
    [JsonConstructor]
    public Variant(string label, string destinationUrl, int weight)
    {
        Label = label;
        DestinationUrl = destinationUrl;
        Weight = weight;
    }

    /// <summary>Unique within the link, 1-50 characters (for example <c>control</c>).</summary>
    public string Label { get; }

    /// <summary>Absolute http(s) URL, at most 2048 characters.</summary>
    public string DestinationUrl { get; }

    /// <summary>Share of traffic, 0-100; a link's weights sum to 100.</summary>
    public int Weight { get; }

    public override string ToString() => $"{Label}:{Weight}={DestinationUrl}";
}
