namespace Klinky.Stats;

/// <summary>
/// The always-valid test behind every verdict: an asymptotic confidence sequence (Waudby-Smith, Arbour, Sinha, Kennedy,
/// Ramdas, "Time-uniform central limit theory and asymptotic confidence sequences", 2021/2024, Theorem 2.2, in the
/// two-sample form GrowthBook documents for its sequential testing) for the difference of two conversion rates.
/// Unlike a fixed-horizon interval, the chance that it ever excludes the true difference, at any look, stays under
/// alpha, so a report may be read after every click.
/// </summary>
public static class AlwaysValidTest
{
    // Alpha, Power and TuningVisitors are fixed by the method and documented (docs/statistics.md); no caller computes
    // with them, and a public const is compiled into its callers: internal. DefaultMinimumEffect is an input's default.
    /// <summary>The family-wise error rate of a link: shared (Bonferroni) among its comparisons with the control.</summary>
    internal const double Alpha = 0.05;

    /// <summary>The relative uplift <see cref="VisitorsPerVariant"/> plans for unless told otherwise (+20%).</summary>
    public const double DefaultMinimumEffect = 0.20;

    /// <summary>The power <see cref="VisitorsPerVariant"/> plans for.</summary>
    internal const double Power = 0.80;

    /// <summary>
    /// Visitors in one comparison (control plus variant) at which the sequence is tightest. Fixed in advance, as the
    /// method requires: tuning it to the data would void the guarantee. 10,000 (5,000 per variant) sits where typical
    /// link tests decide; the width elsewhere grows slowly (see docs/statistics.md).
    /// </summary>
    internal const double TuningVisitors = 10_000;

    // Φ⁻¹(0.80): the shift that puts 80% of the estimate's sampling distribution beyond the boundary.
    private const double PowerQuantile = 0.8416212335729143;

    /// <summary>
    /// The always-valid (1 - <see cref="Alpha"/>) interval for variant rate minus control rate, with alpha divided among
    /// <paramref name="comparisons"/> comparisons. Null when either side has no clicks.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative counts, more conversions than clicks, or fewer than one comparison.</exception>
    public static (double Low, double High)? DifferenceInterval(VariantCounts variant, VariantCounts control, int comparisons)
    {
        Guard.NotNull(variant, nameof(variant));
        Guard.NotNull(control, nameof(control));
        EnsureCounts(variant, nameof(variant));
        EnsureCounts(control, nameof(control));
        if (variant.Clicks == 0 || control.Clicks == 0)
        {
            return null;
        }

        var rateV = variant.Conversions / (double)variant.Clicks;
        var rateC = control.Conversions / (double)control.Clicks;
        var unpooled = (rateV * (1 - rateV) / variant.Clicks) + (rateC * (1 - rateC) / control.Clicks);

        // Under "no difference" both arms share one rate, best estimated from both together (pooled). Each arm's own
        // estimate is too small exactly when a small arm converts low by chance, which at 10/90 spent the whole error on
        // false "control wins". The larger of the two variances keeps the test against 0 calibrated at any split and the
        // interval valid away from 0 (a wider confidence sequence still covers).
        var pooledRate = (variant.Conversions + control.Conversions) / (double)(variant.Clicks + control.Clicks);
        var pooled = pooledRate * (1 - pooledRate) * ((1.0 / variant.Clicks) + (1.0 / control.Clicks));
        var halfWidth = Math.Sqrt(Math.Max(unpooled, pooled)) * Multiplier(variant.Clicks + control.Clicks, AlphaPerComparison(comparisons));
        var difference = rateV - rateC;
        return (difference - halfWidth, difference + halfWidth);
    }

    /// <summary>
    /// The always-valid interval for the relative uplift rate / control rate - 1: the delta method on the log of the
    /// ratio, whose variance (1 - p)/(n p) per arm carries the control rate's own uncertainty, with the same boundary
    /// and alpha as <see cref="DifferenceInterval"/>. Null without clicks or conversions on either side.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative counts, more conversions than clicks, or fewer than one comparison.</exception>
    public static (double Low, double High)? UpliftInterval(VariantCounts variant, VariantCounts control, int comparisons)
    {
        Guard.NotNull(variant, nameof(variant));
        Guard.NotNull(control, nameof(control));
        EnsureCounts(variant, nameof(variant));
        EnsureCounts(control, nameof(control));
        if (variant.Conversions == 0 || control.Conversions == 0)
        {
            return null;
        }

        var rateV = variant.Conversions / (double)variant.Clicks;
        var rateC = control.Conversions / (double)control.Clicks;
        var variance = ((1 - rateV) / variant.Conversions) + ((1 - rateC) / control.Conversions);
        var halfWidth = Math.Sqrt(variance) * Multiplier(variant.Clicks + control.Clicks, AlphaPerComparison(comparisons));
        var logRatio = Math.Log(rateV / rateC);
        return (Math.Exp(logRatio - halfWidth) - 1, Math.Exp(logRatio + halfWidth) - 1);
    }

    /// <summary>
    /// Visitors per variant at which a true relative uplift of <paramref name="minimumEffect"/> over
    /// <paramref name="baseRate"/> is detected with 80% power by this test (equal split, the boundary at that size;
    /// earlier looks only add power, so this errs on the safe side). Null when no sample can promise it (a base rate
    /// of 0 or 1, or an effect that would push the rate past 1).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A base rate outside [0, 1], a non-positive effect, or fewer than one comparison.</exception>
    public static long? VisitorsPerVariant(double baseRate, double minimumEffect, int comparisons) =>
        VisitorsInTotal(baseRate, minimumEffect, comparisons, 0.5, 0.5) is { } total ? (total + 1) / 2 : null;

    /// <summary>
    /// Visitors to the whole link at which a true relative uplift of <paramref name="minimumEffect"/> of one variant
    /// over the control is detected with 80% power, when the control gets <paramref name="controlShare"/> of the
    /// traffic and the variant <paramref name="variantShare"/> (the link's real weights, normalised). The small arm's
    /// variance dominates, so 10/90 needs about three times the visitors of 50/50. Null as for
    /// <see cref="VisitorsPerVariant"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A base rate outside [0, 1], a non-positive effect or share, or fewer than one comparison.</exception>
    public static long? VisitorsInTotal(double baseRate, double minimumEffect, int comparisons, double controlShare, double variantShare)
    {
        if (!(baseRate >= 0 && baseRate <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(baseRate), baseRate, "A base rate is a proportion in [0, 1].");
        }

        if (!(minimumEffect > 0) || double.IsInfinity(minimumEffect))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumEffect), minimumEffect, "The minimum effect is a relative uplift above 0, e.g. 0.2 for +20%.");
        }

        if (!(controlShare > 0 && controlShare <= 1) || !(variantShare > 0 && variantShare <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(controlShare), "Traffic shares are in (0, 1].");
        }

        var alpha = AlphaPerComparison(comparisons);
        var target = baseRate * (1 + minimumEffect);
        if (baseRate <= 0 || target >= 1)
        {
            return null;
        }

        var difference = target - baseRate;

        // The pooled variance under "no difference" is what the test divides by; planning with it (and the larger of the
        // two per-arm variances) keeps the promised power at any split.
        var pooled = ((controlShare * baseRate) + (variantShare * target)) / (controlShare + variantShare);
        bool Enough(long total)
        {
            var nC = controlShare * total;
            var nV = variantShare * total;
            var unpooled = (baseRate * (1 - baseRate) / nC) + (target * (1 - target) / nV);
            var underNull = pooled * (1 - pooled) * ((1 / nC) + (1 / nV));
            return difference / Math.Sqrt(Math.Max(unpooled, underNull)) >= Multiplier(nC + nV, alpha) + PowerQuantile;
        }

        long high = 2;
        while (!Enough(high))
        {
            if (high > long.MaxValue / 4)
            {
                return null;
            }

            high *= 2;
        }

        var low = high / 2;
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (Enough(middle))
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return high;
    }

    /// <summary>
    /// The boundary in standard errors of the difference after <paramref name="visitors"/> visitors in the comparison:
    /// sqrt(2(Nρ² + 1)/(Nρ²) · ln(sqrt(Nρ² + 1)/α)), with ρ² tuned for <see cref="TuningVisitors"/>. A fixed-horizon
    /// test would use 1.96 at every size; this is about 3 near the tuning size and grows like sqrt(log N) beyond it.
    /// </summary>
    internal static double Multiplier(double visitors, double alpha) => Multiplier(visitors, alpha, TuningVisitors);

    /// <summary>The boundary tuned for another size: only for checking against implementations tuned differently.</summary>
    internal static double Multiplier(double visitors, double alpha, double tuningVisitors)
    {
        var logAlpha = -2 * Math.Log(alpha);
        var rhoSquared = (logAlpha + Math.Log(logAlpha + 1)) / tuningVisitors;
        var scaled = visitors * rhoSquared;
        return Math.Sqrt(2 * (scaled + 1) / scaled * Math.Log(Math.Sqrt(scaled + 1) / alpha));
    }

    internal static double AlphaPerComparison(int comparisons)
    {
        if (comparisons < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(comparisons), comparisons, "A link has at least one comparison with its control.");
        }

        return Alpha / comparisons;
    }

    private static void EnsureCounts(VariantCounts counts, string name)
    {
        if (counts.Clicks < 0 || counts.Conversions < 0 || counts.Conversions > counts.Clicks)
        {
            throw new ArgumentOutOfRangeException(
                name, $"Counts must satisfy 0 <= conversions <= clicks; got {counts.Conversions} conversions of {counts.Clicks} clicks.");
        }
    }
}
