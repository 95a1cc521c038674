using Klinky.Links;

namespace Klinky.Stats;

/// <summary>
/// Turns raw per-variant counts into the contract's stats object. The one home of that computation:
/// the emulator's <c>/stats</c> route and the client's clicks-export fallback both call it.
/// </summary>
public static class StatsCalculator
{
    /// <summary>Fewer conversions, or fewer non-conversions, than this in any variant means insufficient data.</summary>
    public const int MinimumOutcomesPerVariant = 5;

    /// <summary>A variant whose probability to be best reaches this makes the test significant.</summary>
    public const double SignificantProbabilityToBeBest = 0.95;

    /// <summary>
    /// Computes the stats object from counts, exactly as the contract's "Statistics" section says. The control is the
    /// variant labelled <c>control</c>, else the first. A variant without clicks has rate 0 but no uplift or p-value,
    /// because its rate is unknown rather than zero.
    /// </summary>
    /// <exception cref="ArgumentNullException">When <paramref name="variants"/> or <paramref name="range"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a variant has negative counts or more conversions than clicks.</exception>
    public static LinkStats Compute(string linkId, IReadOnlyList<VariantCounts> variants, int autoWinnerThreshold, string? winnerLabel, DateRange range)
    {
        Guard.NotNull(variants, nameof(variants));
        Guard.NotNull(range, nameof(range));
        var counts = variants.Select(v => (v.Clicks, v.Conversions)).ToList();
        var posteriors = Statistics.TabulatePosteriors(counts);
        var bestProbabilities = posteriors.ProbabilitiesToBeBest();
        var controlIndex = ControlIndexOf(variants);
        var control = controlIndex < 0 ? null : variants[controlIndex];

        var figures = new List<VariantStats>(variants.Count);
        for (var i = 0; i < variants.Count; i++)
        {
            var isControl = i == controlIndex;
            double? toBeatControl = isControl ? null : posteriors.ProbabilityAbove(i, controlIndex);
            figures.Add(Figures(variants[i], isControl ? null : control, toBeatControl, bestProbabilities[i]));
        }

        var status = StatusOf(variants, bestProbabilities, autoWinnerThreshold, out var recommendedWinner);
        return new LinkStats
        {
            LinkId = linkId,
            StartDate = range.Start,
            EndDate = range.End,
            TotalClicks = variants.Sum(v => v.Clicks),
            TotalConversions = variants.Sum(v => v.Conversions),
            ControlLabel = control?.Label ?? "",
            Variants = figures,
            Status = status,
            RecommendedWinner = recommendedWinner,
            WinnerLabel = winnerLabel,
            AutoWinnerThreshold = autoWinnerThreshold,
        };
    }

    private static int ControlIndexOf(IReadOnlyList<VariantCounts> variants)
    {
        for (var i = 0; i < variants.Count; i++)
        {
            if (string.Equals(variants[i].Label, LinkRules.ControlLabel, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return variants.Count > 0 ? 0 : -1;
    }

    // control is null for the control itself: it is compared with nothing.
    private static VariantStats Figures(VariantCounts variant, VariantCounts? control, double? probabilityToBeatControl, double probabilityToBeBest)
    {
        var (low, high) = Statistics.WilsonInterval(variant.Conversions, variant.Clicks);
        var rate = RateOf(variant);
        double? uplift = null;
        double? pValue = null;
        if (control is not null)
        {
            var controlRate = RateOf(control);
            uplift = controlRate > 0 && variant.Clicks > 0 ? (rate / controlRate) - 1.0 : null;
            pValue = Statistics.TwoProportionPValue(variant.Conversions, variant.Clicks, control.Conversions, control.Clicks);
        }

        return new VariantStats
        {
            Label = variant.Label,
            Weight = variant.Weight,
            Clicks = variant.Clicks,
            Conversions = variant.Conversions,
            ConversionRate = rate,
            ConversionRateCi = new[] { low, high },
            Uplift = uplift,
            PValue = pValue,
            ProbabilityToBeatControl = probabilityToBeatControl,
            ProbabilityToBeBest = probabilityToBeBest,
        };
    }

    private static double RateOf(VariantCounts variant) =>
        variant.Clicks == 0 ? 0.0 : variant.Conversions / (double)variant.Clicks;

    private static string StatusOf(
        IReadOnlyList<VariantCounts> variants, IReadOnlyList<double> bestProbabilities, int autoWinnerThreshold, out string? recommendedWinner)
    {
        recommendedWinner = null;
        var insufficient = variants.Count == 0 || variants.Any(v =>
            v.Clicks < autoWinnerThreshold
            || v.Conversions < MinimumOutcomesPerVariant
            || v.Clicks - v.Conversions < MinimumOutcomesPerVariant);
        if (insufficient)
        {
            return StatsStatus.InsufficientData;
        }

        for (var i = 0; i < variants.Count; i++)
        {
            if (bestProbabilities[i] >= SignificantProbabilityToBeBest)
            {
                recommendedWinner = variants[i].Label;
                return StatsStatus.Significant;
            }
        }

        return StatsStatus.Running;
    }
}
