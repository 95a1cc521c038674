using System.Text.Json.Serialization;

namespace Klinky.Stats;

/// <summary>
/// The stats object of the contract: per-variant figures, status and recommended winner. A result: Core sets its figures
/// (from the API's answer, read through <c>[JsonInclude]</c>, or from <see cref="StatsCalculator"/>) and callers read
/// them, so those setters are not public API. <see cref="Link"/>, <see cref="Source"/> and <see cref="RequestCost"/> stay
/// settable: they say where figures came from, which a caller holding them another way (a report's saved figures) knows.
/// </summary>
public sealed record LinkStats
{
    [JsonInclude]
    public string LinkId { get; internal init; } = "";
    [JsonInclude]
    public DateTimeOffset? StartDate { get; internal init; }
    [JsonInclude]
    public DateTimeOffset? EndDate { get; internal init; }
    [JsonInclude]
    public long TotalClicks { get; internal init; }
    [JsonInclude]
    public long TotalConversions { get; internal init; }
    [JsonInclude]
    public string ControlLabel { get; internal init; } = "";
    [JsonInclude]
    public IReadOnlyList<VariantStats> Variants { get; internal init; } = Array.Empty<VariantStats>();
    [JsonInclude]
    public string Status { get; internal init; } = StatsStatus.InsufficientData;
    [JsonInclude]
    public string? RecommendedWinner { get; internal init; }
    [JsonInclude]
    public string? WinnerLabel { get; internal init; }

    /// <summary>
    /// While no winner is found: visitors per variant still needed for the always-valid test to detect
    /// <see cref="MinimumEffect"/> with 80% power (0 once that many have come). Null once significant, or while the
    /// control has no conversions to plan from.
    /// </summary>
    [JsonInclude]
    public long? VisitorsNeeded { get; internal init; }

    /// <summary>The relative uplift <see cref="VisitorsNeeded"/> is planned for (0.2 means +20%).</summary>
    [JsonInclude]
    public double MinimumEffect { get; internal init; } = AlwaysValidTest.DefaultMinimumEffect;

    /// <summary>While no winner is found: visitors to the whole link, at its real weights, until every undecided variant can be judged.</summary>
    [JsonInclude]
    public long? TotalVisitorsNeeded { get; internal init; }

    /// <summary>The experiment's traffic so far, per day (null when the read did not know when it started, or the time).</summary>
    [JsonInclude]
    public double? VisitorsPerDay { get; internal init; }

    /// <summary><see cref="TotalVisitorsNeeded"/> at <see cref="VisitorsPerDay"/>: "about 3 days at the current rate".</summary>
    [JsonInclude]
    public double? DaysNeeded { get; internal init; }

    /// <summary>Whether the visitors split as the weights say; on a mismatch the verdict is withheld.</summary>
    [JsonInclude]
    public SampleRatio? SampleRatio { get; internal init; }

    /// <summary>A <see cref="Stats.VerdictBasis"/> value: the reads' history, the current look, or figures only.</summary>
    [JsonInclude]
    public string? VerdictBasis { get; internal init; }

    /// <summary>A <see cref="Stats.VerdictWithheld"/> value when this read gives figures and no verdict.</summary>
    [JsonInclude]
    public string? VerdictWithheld { get; internal init; }

    /// <summary>Since when, and at how many visitors, the verdict has been significant (a surface with memory).</summary>
    [JsonInclude]
    public SignificantSince? SignificantSince { get; internal init; }

    /// <summary>When the experiment the figures count from started, when known (the link's creation, or its last change of variants or weights).</summary>
    [JsonInclude]
    public DateTimeOffset? ExperimentStartedAt { get; internal init; }

    /// <summary>True on the read that found the variants or weights changed: the experiment starts over and the counts with it.</summary>
    [JsonInclude]
    public bool ExperimentRestarted { get; internal init; }

    /// <summary>Other variants that beat the control too and are not separated from the recommended winner.</summary>
    [JsonInclude]
    public IReadOnlyList<string> TiedWinners { get; internal init; } = Array.Empty<string>();

    /// <summary>The link's threshold of clicks per variant; carried so reports can say how many clicks are still needed.</summary>
    [JsonInclude]
    public int AutoWinnerThreshold { get; internal init; } = Links.LinkRules.DefaultAutoWinnerThreshold;

    /// <summary>Not on the wire: what to keep for the next read (<see cref="StatsOptions.Previous"/>) so its verdict does not go back.</summary>
    [JsonIgnore]
    public VerdictMemory? Memory { get; internal init; }

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
