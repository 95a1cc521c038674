using Klinky.Stats.Numerics;

namespace Klinky.Stats;

/// <summary>
/// The contract's statistics, pure and dependency-free, so the client's clicks-export fallback and the emulator's
/// <c>/stats</c> route produce the same figures. Nothing is rounded here; renderers round.
/// </summary>
internal static class Statistics
{
    /// <summary>The two-sided 95% standard normal quantile.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Φ(z), the standard normal cumulative distribution function.</summary>
    public static double NormalCdf(double z) => 0.5 * SpecialFunctions.Erfc(-z / Math.Sqrt(2.0));

    /// <summary>
    /// The Wilson score interval for a proportion. With no trials nothing is known, so the interval is the whole [0, 1].
    /// </summary>
    public static (double Low, double High) WilsonInterval(long successes, long trials, double z = Z95)
    {
        EnsureCounts(successes, trials, nameof(successes));
        if (trials == 0)
        {
            return (0.0, 1.0);
        }

        double n = trials;
        var rate = successes / n;
        var zSquared = z * z;
        var denominator = 1.0 + (zSquared / n);
        var centre = (rate + (zSquared / (2.0 * n))) / denominator;
        var halfWidth = z * Math.Sqrt((rate * (1.0 - rate) / n) + (zSquared / (4.0 * n * n))) / denominator;

        // At 0 or all successes the bound is exactly 0 or 1; the formula only gets there up to rounding.
        var low = successes == 0 ? 0.0 : Clamp01(centre - halfWidth);
        var high = successes == trials ? 1.0 : Clamp01(centre + halfWidth);
        return (low, high);
    }

    /// <summary>
    /// The two-sided p-value of the two-proportion z-test with pooled variance. Null when either side has no trials
    /// (its rate is undefined). When both rates are 0, or both are 1, there is no evidence of a difference: 1.
    /// </summary>
    public static double? TwoProportionPValue(long successesA, long trialsA, long successesB, long trialsB)
    {
        EnsureCounts(successesA, trialsA, nameof(successesA));
        EnsureCounts(successesB, trialsB, nameof(successesB));
        if (trialsA == 0 || trialsB == 0)
        {
            return null;
        }

        double nA = trialsA;
        double nB = trialsB;
        var pooled = (successesA + (double)successesB) / (nA + nB);
        var standardError = Math.Sqrt(pooled * (1.0 - pooled) * ((1.0 / nA) + (1.0 / nB)));
        if (standardError == 0.0)
        {
            return 1.0;
        }

        var z = ((successesA / nA) - (successesB / nB)) / standardError;
        return SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2.0));
    }

    /// <summary>
    /// P(variant's rate &gt; control's rate) under independent Beta(1 + conversions, 1 + clicks - conversions) posteriors.
    /// </summary>
    public static double ProbabilityToBeatControl((long Clicks, long Conversions) variant, (long Clicks, long Conversions) control)
    {
        var posteriors = new[] { Posterior(variant, nameof(variant)), Posterior(control, nameof(control)) };
        return PosteriorGrid.Tabulate(posteriors).ProbabilityAbove(0, 1);
    }

    /// <summary>
    /// For each variant, the probability that its rate is the highest, under the same Beta posteriors. The results sum
    /// to 1; a single variant gets 1.
    /// </summary>
    public static IReadOnlyList<double> ProbabilitiesToBeBest(IReadOnlyList<(long Clicks, long Conversions)> variants) =>
        TabulatePosteriors(variants).ProbabilitiesToBeBest();

    /// <summary>All posteriors on one grid, so a stats object needs one tabulation for every probability in it.</summary>
    internal static PosteriorGrid TabulatePosteriors(IReadOnlyList<(long Clicks, long Conversions)> variants)
    {
        Guard.NotNull(variants, nameof(variants));
        var posteriors = new BetaPosterior[variants.Count];
        for (var i = 0; i < posteriors.Length; i++)
        {
            posteriors[i] = Posterior(variants[i], nameof(variants));
        }

        return PosteriorGrid.Tabulate(posteriors);
    }

    private static BetaPosterior Posterior((long Clicks, long Conversions) counts, string name)
    {
        EnsureCounts(counts.Conversions, counts.Clicks, name);
        return new BetaPosterior(counts.Clicks, counts.Conversions);
    }

    private static void EnsureCounts(long successes, long trials, string name)
    {
        if (trials < 0 || successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(
                name, $"Counts must satisfy 0 <= conversions <= clicks; got {successes} conversions of {trials} clicks.");
        }
    }

    // Math.Clamp is not in netstandard2.0.
    private static double Clamp01(double value) => value < 0.0 ? 0.0 : value > 1.0 ? 1.0 : value;
}
