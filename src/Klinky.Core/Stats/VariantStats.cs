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
    public double? PValue { get; init; }
    public double? ProbabilityToBeatControl { get; init; }
    public double? ProbabilityToBeBest { get; init; }
}
