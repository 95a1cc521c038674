using System.Text.Json.Serialization;

namespace Klinky.Stats;

/// <summary>
/// One variant's figures in a <see cref="LinkStats"/>. A result: Core sets it (from the API's answer, read through
/// <c>[JsonInclude]</c>, or from <see cref="StatsCalculator"/>); callers read it, so its setters are not public API.
/// </summary>
public sealed class VariantStats
{
    [JsonInclude]
    public string Label { get; internal init; } = "";
    [JsonInclude]
    public int Weight { get; internal init; }
    [JsonInclude]
    public long Clicks { get; internal init; }
    [JsonInclude]
    public long Conversions { get; internal init; }
    [JsonInclude]
    public double ConversionRate { get; internal init; }

    /// <summary>Wilson score 95% interval: [low, high].</summary>
    [JsonInclude]
    public IReadOnlyList<double> ConversionRateCi { get; internal init; } = new double[] { 0, 0 };
    [JsonInclude]
    public double? Uplift { get; internal init; }

    /// <summary>
    /// The always-valid 95% interval for the uplift vs control, [low, high]: the delta method on the log of the rates'
    /// ratio, so the control rate's own uncertainty is in it. Null for the control, or without conversions on either
    /// side. Safe to read at every look.
    /// </summary>
    [JsonInclude]
    public IReadOnlyList<double>? UpliftInterval { get; internal init; }

    /// <summary>The always-valid 95% interval for this rate minus the control's (alpha shared among the comparisons): what the verdict tests.</summary>
    [JsonInclude]
    public IReadOnlyList<double>? DifferenceInterval { get; internal init; }

    /// <summary>A <see cref="VariantVerdict"/> value (better, worse, inconclusive); null for the control.</summary>
    [JsonInclude]
    public string? Verdict { get; internal init; }

    /// <summary>Descriptive: the fixed-horizon two-proportion z-test. Not valid under repeated looks; never drives the verdict.</summary>
    [JsonInclude]
    public double? PValue { get; internal init; }

    /// <summary>Descriptive: P(rate above control's) under flat Beta posteriors. Never drives the verdict.</summary>
    [JsonInclude]
    public double? ProbabilityToBeatControl { get; internal init; }

    /// <summary>Descriptive: P(highest rate) under flat Beta posteriors. Never drives the verdict.</summary>
    [JsonInclude]
    public double? ProbabilityToBeBest { get; internal init; }
}
