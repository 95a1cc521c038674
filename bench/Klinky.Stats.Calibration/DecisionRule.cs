namespace Klinky.Stats.Calibration;

/// <summary>A rule that reads per-variant counts at a look and either names a winner (its index) or waits (null).</summary>
internal interface IDecisionRule
{
    string Name { get; }

    int? Decide(IReadOnlyList<VariantCounts> counts);
}

/// <summary>The product's rule: Klinky.Core's verdict, exactly as every surface computes it.</summary>
internal sealed class AlwaysValidRule : IDecisionRule
{
    private readonly int _threshold;

    public AlwaysValidRule(int threshold) => _threshold = threshold;

    public string Name => "always-valid";

    public int? Decide(IReadOnlyList<VariantCounts> counts)
    {
        var verdict = StatsVerdict.Decide(counts, _threshold, AlwaysValidTest.DefaultMinimumEffect);
        if (verdict.Status != StatsStatus.Significant)
        {
            return null;
        }

        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i].Label == verdict.RecommendedWinner)
            {
                return i;
            }
        }

        return null;
    }
}

/// <summary>
/// The baseline, kept here only: the fixed-horizon rule the product used before (the same minimum sample, then
/// "significant" as soon as one variant's posterior probability to be best reaches 0.95).
/// </summary>
internal sealed class ProbabilityToBeBestRule : IDecisionRule
{
    private const double Threshold = 0.95;
    private readonly int _threshold;

    public ProbabilityToBeBestRule(int threshold) => _threshold = threshold;

    public string Name => "old P(best)>=0.95";

    public int? Decide(IReadOnlyList<VariantCounts> counts)
    {
        if (counts.Any(v => v.Clicks < _threshold || v.Conversions < StatsCalculator.MinimumOutcomesPerVariant || v.Clicks - v.Conversions < StatsCalculator.MinimumOutcomesPerVariant))
        {
            return null;
        }

        var best = Statistics.ProbabilitiesToBeBest(counts.Select(v => (v.Clicks, v.Conversions)).ToList());
        for (var i = 0; i < best.Count; i++)
        {
            if (best[i] >= Threshold)
            {
                return i;
            }
        }

        return null;
    }
}
