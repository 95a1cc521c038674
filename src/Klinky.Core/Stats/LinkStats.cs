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

    /// <summary>
    /// While no winner is found: visitors per variant still needed for the always-valid test to detect
    /// <see cref="MinimumEffect"/> with 80% power (0 once that many have come). Null once significant, or while the
    /// control has no conversions to plan from.
    /// </summary>
    public long? VisitorsNeeded { get; init; }

    /// <summary>The relative uplift <see cref="VisitorsNeeded"/> is planned for (0.2 means +20%).</summary>
    public double MinimumEffect { get; init; } = AlwaysValidTest.DefaultMinimumEffect;

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
