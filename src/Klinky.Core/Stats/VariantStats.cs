namespace Klinky.Stats;

/// <summary>One variant's figures in a <see cref="LinkStats"/>.</summary>
public sealed class VariantStats
{
    public string Label { get; init; } = "";
    public int Weight { get; init; }
    public long Clicks { get; init; }
    public long Conversions { get; init; }
    public double ConversionRate { get; init; }

    /// <summary>Wilson score 95% interval: [low, high].</summary>
    public IReadOnlyList<double> ConversionRateCi { get; init; } = new double[] { 0, 0 };
    public double? Uplift { get; init; }

    /// <summary>
    /// The always-valid 95% interval for the uplift vs control, [low, high]: the delta method on the log of the rates'
    /// ratio, so the control rate's own uncertainty is in it. Null for the control, or without conversions on either
    /// side. Safe to read at every look.
    /// </summary>
    public IReadOnlyList<double>? UpliftInterval { get; init; }

    /// <summary>The always-valid 95% interval for this rate minus the control's (alpha shared among the comparisons): what the verdict tests.</summary>
    public IReadOnlyList<double>? DifferenceInterval { get; init; }

    /// <summary>A <see cref="VariantVerdict"/> value (better, worse, inconclusive); null for the control.</summary>
    public string? Verdict { get; init; }

    /// <summary>Descriptive: the fixed-horizon two-proportion z-test. Not valid under repeated looks; never drives the verdict.</summary>
    public double? PValue { get; init; }

    /// <summary>Descriptive: P(rate above control's) under flat Beta posteriors. Never drives the verdict.</summary>
    public double? ProbabilityToBeatControl { get; init; }

    /// <summary>Descriptive: P(highest rate) under flat Beta posteriors. Never drives the verdict.</summary>
    public double? ProbabilityToBeBest { get; init; }
}
