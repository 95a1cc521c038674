namespace Klinky.Stats;

/// <summary>
/// Turns raw per-variant counts into the contract's stats object. The one home of that computation:
/// the emulator's <c>/stats</c> route and the client's clicks-export fallback both call it.
/// </summary>
public static class StatsCalculator
{
    /// <summary>Fewer conversions, or fewer non-conversions, than this in any variant means insufficient data.</summary>
    // Internal, as are AlwaysValidTest's fixed parameters: the rules are documented (docs/statistics.md), no caller
    // computes with them, and a public const is compiled into its callers, which would then disagree after a change.
    internal const int MinimumOutcomesPerVariant = 5;

    private static readonly StatsOptions DefaultOptions = new();

    /// <summary>
    /// Computes the stats object from counts, exactly as the contract's "Statistics" section says. The control is the
    /// variant labelled <c>control</c>, else the first. The status and recommended winner come from the always-valid test
    /// alone (<see cref="AlwaysValidTest"/>); the p-value and the posterior probabilities are descriptive. A variant
    /// without clicks has rate 0 but no uplift, p-value or interval, because its rate is unknown rather than zero.
    /// <see cref="LinkStats.VisitorsNeeded"/> is planned for <see cref="StatsOptions.MinimumEffect"/> (+20% unless given).
    /// One method with an options object, not an overload per optional input. With <see cref="StatsOptions.Previous"/>
    /// the verdict is sticky (<see cref="VerdictMemory"/>; <see cref="LinkStats.Memory"/> is the one to keep), and a
    /// change of variants or weights starts the experiment over, counting from the counts at the change. A date range
    /// that does not start at the experiment's start gives figures, not a verdict.
    /// </summary>
    /// <exception cref="ArgumentNullException">When <paramref name="variants"/> or <paramref name="range"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When a variant has negative counts or more conversions than clicks, or the minimum effect is not above 0.</exception>
    public static LinkStats Compute(string linkId, IReadOnlyList<VariantCounts> variants, int autoWinnerThreshold, string? winnerLabel, DateRange range, StatsOptions? options = null)
    {
        Guard.NotNull(variants, nameof(variants));
        Guard.NotNull(range, nameof(range));
        options ??= DefaultOptions;
        EnsureEffect(options.MinimumEffect);

        // Memory belongs to the experiment from its start; a window is a different question, answered without it.
        var whole = range.Start is null && range.End is null;
        var fingerprint = VerdictMemory.FingerprintOf(variants);
        var previous = whole ? options.Previous : null;
        var restarted = previous is not null && previous.Fingerprint != fingerprint;
        var baseline = restarted ? variants : previous?.Baseline ?? Array.Empty<VariantCounts>();
        var startedAt = restarted ? options.Now : previous?.StartedAt ?? options.ExperimentStart;
        var kept = restarted ? null : previous;
        var counts = Since(variants, baseline);
        var figuresOnly = range.Start is { } from && !(options.ExperimentStart is { } start && from <= start);

        var posteriors = Statistics.TabulatePosteriors(counts.Select(v => (v.Clicks, v.Conversions)).ToList());
        var bestProbabilities = posteriors.ProbabilitiesToBeBest();
        var verdict = StatsVerdict.Decide(counts, autoWinnerThreshold, options.MinimumEffect, kept, options.Now, figuresOnly);
        var controlIndex = ControlVariant.IndexOf(counts);
        var control = controlIndex < 0 ? null : counts[controlIndex];

        var figures = new List<VariantStats>(counts.Count);
        for (var i = 0; i < counts.Count; i++)
        {
            var isControl = i == controlIndex;
            double? toBeatControl = isControl ? null : posteriors.ProbabilityAbove(i, controlIndex);
            figures.Add(Figures(counts[i], isControl ? null : control, toBeatControl, bestProbabilities[i], verdict, i));
        }

        var perDay = PerDay(counts, startedAt, options.Now);
        return new LinkStats
        {
            LinkId = linkId,
            StartDate = range.Start,
            EndDate = range.End,
            TotalClicks = counts.Sum(v => v.Clicks),
            TotalConversions = counts.Sum(v => v.Conversions),
            ControlLabel = control?.Label ?? "",
            Variants = figures,
            Status = verdict.Status,
            RecommendedWinner = verdict.RecommendedWinner,
            WinnerLabel = winnerLabel,
            VisitorsNeeded = verdict.VisitorsNeeded,
            TotalVisitorsNeeded = verdict.TotalVisitorsNeeded,
            VisitorsPerDay = perDay,
            DaysNeeded = Days(verdict.TotalVisitorsNeeded, perDay),
            MinimumEffect = options.MinimumEffect,
            AutoWinnerThreshold = autoWinnerThreshold,
            SampleRatio = verdict.SampleRatio,
            VerdictWithheld = verdict.Withheld,
            VerdictBasis = verdict.Withheld is not null ? VerdictBasis.FiguresOnly
                : kept is not null || (whole && options.KeepsMemory) ? VerdictBasis.History
                : VerdictBasis.CurrentLook,
            SignificantSince = verdict.Withheld is null ? verdict.SignificantSince : null,
            TiedWinners = verdict.TiedWinners,
            ExperimentStartedAt = startedAt,
            ExperimentRestarted = restarted,
            Memory = whole
                ? new VerdictMemory
                {
                    Fingerprint = fingerprint,
                    StartedAt = startedAt,
                    Baseline = baseline,
                    Verdicts = verdict.Reached,
                    Intervals = verdict.Withheld is null ? verdict.KeptIntervals : kept?.Intervals ?? new Dictionary<string, IReadOnlyList<double>>(),
                    UpliftIntervals = verdict.Withheld is null ? verdict.KeptUpliftIntervals : kept?.UpliftIntervals ?? new Dictionary<string, IReadOnlyList<double>>(),
                    SignificantSince = verdict.SignificantSince,
                }
                : null,
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
        EnsureEffect(minimumEffect);
        var counts = stats.Variants.Select(v => new VariantCounts(v.Label, v.Weight, v.Clicks, v.Conversions)).ToList();

        // The variants already decided stay decided: only the undecided ones are planned for.
        var decided = new VerdictMemory
        {
            Verdicts = stats.Variants.Where(v => v.Verdict is VariantVerdict.Better or VariantVerdict.Worse).ToDictionary(v => v.Label, v => v.Verdict!, StringComparer.Ordinal),
        };
        var verdict = StatsVerdict.Decide(counts, stats.AutoWinnerThreshold, minimumEffect, decided, null, figuresOnly: false);
        var significant = stats.Status == StatsStatus.Significant;
        return stats with
        {
            VisitorsNeeded = significant ? null : verdict.VisitorsNeeded,
            TotalVisitorsNeeded = significant ? null : verdict.TotalVisitorsNeeded,
            DaysNeeded = significant ? null : Days(verdict.TotalVisitorsNeeded, stats.VisitorsPerDay),
            MinimumEffect = minimumEffect,
        };
    }

    /// <summary>
    /// The same stats read with a surface's memory: recomputed from the counts they hold with
    /// <paramref name="previous"/> (null on the first read), so the verdict, once reached, stands and a change of
    /// variants or weights starts over. Keep the result's <see cref="LinkStats.Memory"/> for the next read. The
    /// action's one line: <c>stats = StatsCalculator.WithMemory(stats, saved, now)</c>, then save <c>stats.Memory</c>.
    /// </summary>
    /// <exception cref="ArgumentNullException">When <paramref name="stats"/> is null.</exception>
    public static LinkStats WithMemory(LinkStats stats, VerdictMemory? previous, DateTimeOffset now)
    {
        Guard.NotNull(stats, nameof(stats));
        var counts = stats.Variants.Select(v => new VariantCounts(v.Label, v.Weight, v.Clicks, v.Conversions)).ToList();
        var range = new DateRange(stats.StartDate, stats.EndDate);
        var options = new StatsOptions
        {
            MinimumEffect = stats.MinimumEffect,
            Previous = previous,
            KeepsMemory = true,
            Now = now,
            ExperimentStart = stats.ExperimentStartedAt ?? stats.Link?.CreatedAt,
        };
        return Compute(stats.LinkId, counts, stats.AutoWinnerThreshold, stats.WinnerLabel, range, options) with
        {
            Source = stats.Source,
            RequestCost = stats.RequestCost,
            Link = stats.Link,
        };
    }

    private static void EnsureEffect(double minimumEffect)
    {
        if (!(minimumEffect > 0) || double.IsInfinity(minimumEffect))
        {
            throw new ArgumentOutOfRangeException(nameof(minimumEffect), minimumEffect, "The minimum effect is a relative uplift above 0, e.g. 0.2 for +20%.");
        }
    }

    // Counts since the experiment's (re)start; a baseline of another variant set, or above the counts (a reset
    // server), counts from 0.
    private static IReadOnlyList<VariantCounts> Since(IReadOnlyList<VariantCounts> variants, IReadOnlyList<VariantCounts> baseline)
    {
        if (baseline.Count == 0)
        {
            return variants;
        }

        return variants.Select(v => baseline.FirstOrDefault(b => b.Label == v.Label) is { } b && b.Clicks <= v.Clicks && b.Conversions <= v.Conversions
            ? new VariantCounts(v.Label, v.Weight, v.Clicks - b.Clicks, Math.Min(v.Clicks - b.Clicks, v.Conversions - b.Conversions))
            : v).ToList();
    }

    private static double? PerDay(IReadOnlyList<VariantCounts> counts, DateTimeOffset? startedAt, DateTimeOffset? now)
    {
        if (startedAt is not { } start || now is not { } at || at <= start)
        {
            return null;
        }

        // At least an hour: a rate from the first seconds of a link is noise.
        var days = Math.Max((at - start).TotalDays, 1.0 / 24);
        return counts.Sum(v => v.Clicks) / days;
    }

    private static double? Days(long? visitors, double? perDay) =>
        visitors is { } n && perDay is > 0 ? n / perDay.Value : null;

    // control is null for the control itself: it is compared with nothing.
    private static VariantStats Figures(
        VariantCounts variant, VariantCounts? control, double? probabilityToBeatControl, double probabilityToBeBest, StatsVerdict verdict, int index)
    {
        var difference = verdict.Withheld == VerdictWithheld.DateRange ? null : verdict.Intervals[index];
        var relative = verdict.Withheld == VerdictWithheld.DateRange ? null : verdict.UpliftIntervals[index];
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

            upliftInterval = relative is { } r ? new[] { r.Low, r.High } : null;
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
            Verdict = verdict.Verdicts.Count > index ? verdict.Verdicts[index] : null,
            PValue = pValue,
            ProbabilityToBeatControl = probabilityToBeatControl,
            ProbabilityToBeBest = probabilityToBeBest,
        };
    }

    private static double RateOf(VariantCounts variant) =>
        variant.Clicks == 0 ? 0.0 : variant.Conversions / (double)variant.Clicks;
}
