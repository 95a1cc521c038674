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

    /// <summary>While no winner is found: visitors to the whole link, at its real weights, until every undecided variant can be judged.</summary>
    public long? TotalVisitorsNeeded { get; init; }

    /// <summary>The experiment's traffic so far, per day (null when the read did not know when it started, or the time).</summary>
    public double? VisitorsPerDay { get; init; }

    /// <summary><see cref="TotalVisitorsNeeded"/> at <see cref="VisitorsPerDay"/>: "about 3 days at the current rate".</summary>
    public double? DaysNeeded { get; init; }

    /// <summary>Whether the visitors split as the weights say; on a mismatch the verdict is withheld.</summary>
    public SampleRatio? SampleRatio { get; init; }

    /// <summary>A <see cref="Stats.VerdictBasis"/> value: the reads' history, the current look, or figures only.</summary>
    public string? VerdictBasis { get; init; }

    /// <summary>A <see cref="Stats.VerdictWithheld"/> value when this read gives figures and no verdict.</summary>
    public string? VerdictWithheld { get; init; }

    /// <summary>Since when, and at how many visitors, the verdict has been significant (a surface with memory).</summary>
    public SignificantSince? SignificantSince { get; init; }

    /// <summary>When the experiment the figures count from started, when known (the link's creation, or its last change of variants or weights).</summary>
    public DateTimeOffset? ExperimentStartedAt { get; init; }

    /// <summary>True on the read that found the variants or weights changed: the experiment starts over and the counts with it.</summary>
    public bool ExperimentRestarted { get; init; }

    /// <summary>Other variants that beat the control too and are not separated from the recommended winner.</summary>
    public IReadOnlyList<string> TiedWinners { get; init; } = Array.Empty<string>();

    /// <summary>The link's threshold of clicks per variant; carried so reports can say how many clicks are still needed.</summary>
    public int AutoWinnerThreshold { get; init; } = Links.LinkRules.DefaultAutoWinnerThreshold;

    /// <summary>Not on the wire: what to keep for the next read (<see cref="StatsOptions.Previous"/>) so its verdict does not go back.</summary>
    [JsonIgnore]
    public VerdictMemory? Memory { get; init; }

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
