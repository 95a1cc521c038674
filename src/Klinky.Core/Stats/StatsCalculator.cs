namespace Klinky.Stats;

/// <summary>
/// Turns raw per-variant counts into the contract's stats object. The one home of that computation:
/// the emulator's <c>/stats</c> route and the client's clicks-export fallback both call it.
/// </summary>
public static class StatsCalculator
{
    /// <summary>Fewer conversions, or fewer non-conversions, than this in any variant means insufficient data.</summary>
    public const int MinimumOutcomesPerVariant = 5;

    /// <summary>
    /// Computes the stats object from counts, exactly as the contract's "Statistics" section says, planning
    /// <see cref="LinkStats.VisitorsNeeded"/> for <see cref="AlwaysValidTest.DefaultMinimumEffect"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException">When <paramref name="variants"/> or <paramref name="range"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a variant has negative counts or more conversions than clicks.</exception>
    public static LinkStats Compute(string linkId, IReadOnlyList<VariantCounts> variants, int autoWinnerThreshold, string? winnerLabel, DateRange range) =>
        Compute(linkId, variants, autoWinnerThreshold, winnerLabel, range, AlwaysValidTest.DefaultMinimumEffect);

    /// <summary>
    /// Computes the stats object from counts. The control is the variant labelled <c>control</c>, else the first. The
    /// status and recommended winner come from the always-valid test alone (<see cref="AlwaysValidTest"/>); the p-value
    /// and the posterior probabilities are descriptive. A variant without clicks has rate 0 but no uplift, p-value or
    /// interval, because its rate is unknown rather than zero. <see cref="LinkStats.VisitorsNeeded"/> is planned for a
    /// relative uplift of <paramref name="minimumEffect"/> (0.2 for +20%).
    /// </summary>
    /// <exception cref="ArgumentNullException">When <paramref name="variants"/> or <paramref name="range"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a variant has negative counts or more conversions than clicks, or the minimum effect is not above 0.</exception>
    public static LinkStats Compute(string linkId, IReadOnlyList<VariantCounts> variants, int autoWinnerThreshold, string? winnerLabel, DateRange range, double minimumEffect)
    {
        Guard.NotNull(variants, nameof(variants));
        Guard.NotNull(range, nameof(range));
        if (!(minimumEffect > 0) || double.IsInfinity(minimumEffect))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumEffect), minimumEffect, "The minimum effect is a relative uplift above 0, e.g. 0.2 for +20%.");
        }

        var counts = variants.Select(v => (v.Clicks, v.Conversions)).ToList();
        var posteriors = Statistics.TabulatePosteriors(counts);
        var bestProbabilities = posteriors.ProbabilitiesToBeBest();
        var verdict = StatsVerdict.Decide(variants, autoWinnerThreshold, minimumEffect);
        var controlIndex = StatsVerdict.ControlIndexOf(variants);
        var control = controlIndex < 0 ? null : variants[controlIndex];

        var figures = new List<VariantStats>(variants.Count);
        for (var i = 0; i < variants.Count; i++)
        {
            var isControl = i == controlIndex;
            double? toBeatControl = isControl ? null : posteriors.ProbabilityAbove(i, controlIndex);
            figures.Add(Figures(variants[i], isControl ? null : control, toBeatControl, bestProbabilities[i], verdict.Intervals[i], verdict.Verdicts[i]));
        }

        return new LinkStats
        {
            LinkId = linkId,
            StartDate = range.Start,
            EndDate = range.End,
            TotalClicks = variants.Sum(v => v.Clicks),
            TotalConversions = variants.Sum(v => v.Conversions),
            ControlLabel = control?.Label ?? "",
            Variants = figures,
            Status = verdict.Status,
            RecommendedWinner = verdict.RecommendedWinner,
            WinnerLabel = winnerLabel,
            VisitorsNeeded = verdict.VisitorsNeeded,
            MinimumEffect = minimumEffect,
            AutoWinnerThreshold = autoWinnerThreshold,
        };
    }

    /// <summary>
    /// The same stats with <see cref="LinkStats.VisitorsNeeded"/> planned for another relative uplift (0.1 for +10%),
    /// from the counts it already holds: a surface's option, without another request.
    /// </summary>
    /// <exception cref="ArgumentNullException">When <paramref name="stats"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the minimum effect is not above 0.</exception>
    public static LinkStats WithMinimumEffect(LinkStats stats, double minimumEffect)
    {
        Guard.NotNull(stats, nameof(stats));
        if (!(minimumEffect > 0) || double.IsInfinity(minimumEffect))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumEffect), minimumEffect, "The minimum effect is a relative uplift above 0, e.g. 0.2 for +20%.");
        }

        var counts = stats.Variants.Select(v => new VariantCounts(v.Label, v.Weight, v.Clicks, v.Conversions)).ToList();
        var verdict = StatsVerdict.Decide(counts, stats.AutoWinnerThreshold, minimumEffect);
        return stats with
        {
            VisitorsNeeded = stats.Status == StatsStatus.Significant ? null : verdict.VisitorsNeeded,
            MinimumEffect = minimumEffect,
        };
    }

    // control is null for the control itself: it is compared with nothing.
    private static VariantStats Figures(
        VariantCounts variant, VariantCounts? control, double? probabilityToBeatControl, double probabilityToBeBest, (double Low, double High)? difference, string? verdict)
    {
        var (low, high) = Statistics.WilsonInterval(variant.Conversions, variant.Clicks);
        var rate = RateOf(variant);
        double? uplift = null;
        double? pValue = null;
        double[]? upliftInterval = null;
        if (control is not null)
        {
            var controlRate = RateOf(control);
            uplift = controlRate > 0 && variant.Clicks > 0 ? (rate / controlRate) - 1.0 : null;
            pValue = Statistics.TwoProportionPValue(variant.Conversions, variant.Clicks, control.Conversions, control.Clicks);

            // The difference expressed against the control's observed rate, as the uplift beside it is.
            // No rate falls below 0, so no uplift below -100%: cutting the interval there keeps its guarantee.
            upliftInterval = difference is { } d && controlRate > 0 ? new[] { Math.Max(-1.0, d.Low / controlRate), d.High / controlRate } : null;
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
            UpliftInterval = upliftInterval,
            DifferenceInterval = difference is { } i ? new[] { i.Low, i.High } : null,
            Verdict = verdict,
            PValue = pValue,
            ProbabilityToBeatControl = probabilityToBeatControl,
            ProbabilityToBeBest = probabilityToBeBest,
        };
    }

    private static double RateOf(VariantCounts variant) =>
        variant.Clicks == 0 ? 0.0 : variant.Conversions / (double)variant.Clicks;
}
