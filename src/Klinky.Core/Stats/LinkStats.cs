using System.Text.Json.Serialization;

namespace Klinky.Stats;

/// <summary>The stats object of the contract: per-variant figures, status and recommended winner.</summary>
public sealed record LinkStats
{
    public string LinkId { get; init; } = "";
    public DateTimeOffset? StartDate { get; init; }
    public DateTimeOffset? EndDate { get; init; }
    public long TotalClicks { get; init; }
    public long TotalConversions { get; init; }
    public string ControlLabel { get; init; } = "";
    public IReadOnlyList<VariantStats> Variants { get; init; } = Array.Empty<VariantStats>();
    public string Status { get; init; } = StatsStatus.InsufficientData;
    public string? RecommendedWinner { get; init; }
    public string? WinnerLabel { get; init; }

    /// <summary>The link's threshold of clicks per variant; carried so reports can say how many clicks are still needed.</summary>
    public int AutoWinnerThreshold { get; init; } = Links.LinkRules.DefaultAutoWinnerThreshold;

    /// <summary>Not on the wire: where this object came from.</summary>
    [JsonIgnore]
    public StatsSource Source { get; init; } = StatsSource.Endpoint;

    /// <summary>Not on the wire: how many API requests this object cost the caller.</summary>
    [JsonIgnore]
    public int RequestCost { get; init; } = 1;

    /// <summary>Not on the wire: the link these figures belong to, when the client knows it (slug and name for reports).</summary>
    [JsonIgnore]
    public Links.Link? Link { get; init; }
}
