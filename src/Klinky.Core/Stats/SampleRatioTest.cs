using Klinky.Stats.Numerics;

namespace Klinky.Stats;

/// <summary>
/// The sample-ratio-mismatch check: do the visitors split as the weights say? The sequential Dirichlet-multinomial
/// test of Lindon and Malek, "Anytime-valid inference for multinomial count data" (NeurIPS 2022), as Optimizely's
/// ssrm-test implements it: the Bayes factor of "the shares are free (Dirichlet prior centred on the weights)" against
/// "the shares are the weights" is a nonnegative martingale under the weights, so by Ville's inequality the chance that
/// it ever exceeds 1/alpha is at most alpha, however often it is read. Its reciprocal is an always-valid p-value.
/// </summary>
internal static class SampleRatioTest
{
    /// <summary>The false-alarm rate: at most 1% of correctly split links are ever flagged, under continuous reads.</summary>
    public const double Alpha = 0.01;

    /// <summary>
    /// The Dirichlet prior's total concentration, spread over the variants by their weights (ssrm-test's and savvi's
    /// default of 100): small enough that a real mismatch of a few points is flagged within thousands of visitors.
    /// </summary>
    public const double PriorConcentration = 100;

    /// <summary>
    /// The check of observed <paramref name="variants"/> against their weights. Variants with weight 0 and no clicks
    /// take no part; a variant with weight 0 that has clicks is a mismatch outright (its weights changed while it ran).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="variants"/> is null.</exception>
    public static SampleRatio Check(IReadOnlyList<VariantCounts> variants)
    {
        Guard.NotNull(variants, nameof(variants));
        var totalWeight = (double)variants.Sum(v => Math.Max(0, v.Weight));
        var totalClicks = variants.Sum(v => v.Clicks);
        var expected = variants.Select(v => totalWeight > 0 ? Math.Max(0, v.Weight) / totalWeight : 0).ToArray();
        var observed = variants.Select(v => totalClicks > 0 ? v.Clicks / (double)totalClicks : 0).ToArray();
        var pValue = totalWeight <= 0 || totalClicks == 0 ? 1.0 : Math.Min(1.0, Math.Exp(-LogBayesFactor(variants, expected)));
        return new SampleRatio
        {
            Mismatch = pValue <= Alpha,
            PValue = pValue,
            ExpectedShares = expected,
            ObservedShares = observed,
        };
    }

    /// <summary>
    /// ln BF = ln Γ(Σα) − ln Γ(Σα + n) + Σ [ln Γ(α_i + x_i) − ln Γ(α_i)] − Σ x_i ln p_i, with α_i = 100 p_i: the
    /// Dirichlet-multinomial marginal likelihood over the multinomial one at the weights (the multinomial coefficient
    /// cancels). Infinite when a variant without weight has clicks.
    /// </summary>
    internal static double LogBayesFactor(IReadOnlyList<VariantCounts> variants, IReadOnlyList<double> expected)
    {
        var concentration = 0.0;
        var clicks = 0L;
        var log = 0.0;
        for (var i = 0; i < variants.Count; i++)
        {
            var x = variants[i].Clicks;
            if (expected[i] <= 0)
            {
                if (x > 0)
                {
                    return double.PositiveInfinity;
                }

                continue;
            }

            var a = PriorConcentration * expected[i];
            concentration += a;
            clicks += x;
            log += LogGamma(a + x) - LogGamma(a) - (x * Math.Log(expected[i]));
        }

        return log + LogGamma(concentration) - LogGamma(concentration + clicks);
    }

    // Γ(x) = Γ(x + 1) / x carries the Lanczos form (accurate from 0.5) down to the smallest prior parameter.
    private static double LogGamma(double x) => x >= 0.5 ? SpecialFunctions.LogGamma(x) : SpecialFunctions.LogGamma(x + 1) - Math.Log(x);
}
