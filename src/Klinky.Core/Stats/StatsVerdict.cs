using Klinky.Links;

namespace Klinky.Stats;

/// <summary>
/// The verdict of a link, in its one home: status, recommended winner, each variant's always-valid comparison with the
/// control, and the visitors still needed. <see cref="StatsCalculator"/> puts it in the stats object; the calibration
/// harness under bench/ measures exactly this code.
/// </summary>
internal sealed class StatsVerdict
{
    private StatsVerdict(string status, string? recommendedWinner, (double Low, double High)?[] intervals, string?[] verdicts, long? visitorsNeeded)
    {
        Status = status;
        RecommendedWinner = recommendedWinner;
        Intervals = intervals;
        Verdicts = verdicts;
        VisitorsNeeded = visitorsNeeded;
    }

    public string Status { get; }

    public string? RecommendedWinner { get; }

    /// <summary>Per variant: the always-valid interval for its rate minus the control's (null for the control, or without clicks).</summary>
    public IReadOnlyList<(double Low, double High)?> Intervals { get; }

    /// <summary>Per variant: a <see cref="VariantVerdict"/> value, null for the control.</summary>
    public IReadOnlyList<string?> Verdicts { get; }

    /// <summary>While no winner is found: visitors per variant still needed (null when the control has no conversions to plan from).</summary>
    public long? VisitorsNeeded { get; }

    /// <summary>The control: the variant labelled <c>control</c>, else the first; -1 without variants.</summary>
    public static int ControlIndexOf(IReadOnlyList<VariantCounts> variants)
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

    /// <summary>
    /// Each variant against the control with alpha shared by Bonferroni over the k - 1 comparisons. Significant when some
    /// variant is better (the winner is the one whose interval has the highest lower bound: the largest uplift the data
    /// guarantee), or when every variant is worse (the control wins). Insufficient while a variant has fewer clicks than
    /// the threshold or fewer than 5 conversions or non-conversions, as the normal approximation needs.
    /// </summary>
    public static StatsVerdict Decide(IReadOnlyList<VariantCounts> variants, int autoWinnerThreshold, double minimumEffect)
    {
        var controlIndex = ControlIndexOf(variants);
        var intervals = new (double Low, double High)?[variants.Count];
        var verdicts = new string?[variants.Count];
        var comparisons = variants.Count - 1;
        var insufficient = variants.Count == 0 || variants.Any(v =>
            v.Clicks < autoWinnerThreshold
            || v.Conversions < StatsCalculator.MinimumOutcomesPerVariant
            || v.Clicks - v.Conversions < StatsCalculator.MinimumOutcomesPerVariant);

        int? winner = null;
        var better = 0;
        var worse = 0;
        for (var i = 0; i < variants.Count && comparisons > 0; i++)
        {
            if (i == controlIndex)
            {
                continue;
            }

            intervals[i] = AlwaysValidTest.DifferenceInterval(variants[i], variants[controlIndex], comparisons);
            verdicts[i] = insufficient || intervals[i] is not { } interval ? VariantVerdict.Inconclusive
                : interval.Low > 0 ? VariantVerdict.Better
                : interval.High < 0 ? VariantVerdict.Worse
                : VariantVerdict.Inconclusive;
            if (verdicts[i] == VariantVerdict.Better)
            {
                better++;
                if (winner is null || intervals[i]!.Value.Low > intervals[winner.Value]!.Value.Low)
                {
                    winner = i;
                }
            }
            else if (verdicts[i] == VariantVerdict.Worse)
            {
                worse++;
            }
        }

        if (better == 0 && comparisons > 0 && worse == comparisons)
        {
            winner = controlIndex;
        }

        var status = insufficient ? StatsStatus.InsufficientData : winner is null ? StatsStatus.Running : StatsStatus.Significant;
        var needed = status == StatsStatus.Significant ? null : VisitorsStillNeeded(variants, controlIndex, autoWinnerThreshold, minimumEffect);
        return new StatsVerdict(status, winner is { } w ? variants[w].Label : null, intervals, verdicts, needed);
    }

    // Planned from the control's observed rate: the rate the effect is relative to.
    private static long? VisitorsStillNeeded(IReadOnlyList<VariantCounts> variants, int controlIndex, int autoWinnerThreshold, double minimumEffect)
    {
        if (variants.Count < 2 || variants[controlIndex] is not { Conversions: > 0 } control)
        {
            return null;
        }

        var perVariant = AlwaysValidTest.VisitorsPerVariant(control.Conversions / (double)control.Clicks, minimumEffect, variants.Count - 1);
        if (perVariant is null)
        {
            return null;
        }

        var fewest = variants.Min(v => v.Clicks);
        return Math.Max(0, Math.Max(perVariant.Value, autoWinnerThreshold) - fewest);
    }
}
