using Klinky.Links;

namespace Klinky.Stats;

/// <summary>
/// The verdict of a link, in its one home: status, recommended winner, each variant's always-valid comparison with the
/// control, the sample-ratio check, and the visitors still needed. <see cref="StatsCalculator"/> puts it in the stats
/// object; the emulator's auto-winner and the calibration harness under bench/ run exactly this code.
/// </summary>
internal sealed class StatsVerdict
{
    private const double Unknown = double.NegativeInfinity;

    private readonly (double Low, double High)?[] _intervals;
    private readonly string[] _labels;
    private readonly bool[] _judged;

    private StatsVerdict(IReadOnlyList<VariantCounts> variants)
    {
        _intervals = new (double Low, double High)?[variants.Count];
        _labels = variants.Select(v => v.Label).ToArray();
        _judged = new bool[variants.Count];
    }

    public string Status { get; private set; } = StatsStatus.InsufficientData;

    public string? RecommendedWinner { get; private set; }

    /// <summary>Per variant: the always-valid interval for its rate minus the control's (null for the control, or without clicks).</summary>
    public IReadOnlyList<(double Low, double High)?> Intervals => _intervals;

    /// <summary>Per variant: the always-valid interval for its uplift (delta method on the log ratio); null as for the difference, or without conversions.</summary>
    public IReadOnlyList<(double Low, double High)?> UpliftIntervals { get; private set; } = Array.Empty<(double, double)?>();

    /// <summary>Per variant: a <see cref="VariantVerdict"/> value; null for the control, and for every variant while the verdict is withheld.</summary>
    public IReadOnlyList<string?> Verdicts { get; private set; } = Array.Empty<string?>();

    /// <summary>Other variants that beat the control too and are not separated from the recommended winner.</summary>
    public IReadOnlyList<string> TiedWinners { get; private set; } = Array.Empty<string>();

    public SampleRatio SampleRatio { get; private set; } = new();

    /// <summary>A <see cref="VerdictWithheld"/> value, or null when a verdict is given.</summary>
    public string? Withheld { get; private set; }

    public SignificantSince? SignificantSince { get; private set; }

    /// <summary>Label → the running intersection of its difference intervals, for the memory (judged comparisons only).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> KeptIntervals => Kept(Intervals);

    /// <summary>Label → the running intersection of its uplift intervals, for the memory (judged comparisons only).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> KeptUpliftIntervals => Kept(UpliftIntervals);

    /// <summary>Label → better/worse as reached so far (the previous memory's, then this read's).</summary>
    public IReadOnlyDictionary<string, string> Reached { get; private set; } = new Dictionary<string, string>();

    /// <summary>While no winner is found: visitors the variant that needs the most still needs (null when there is nothing to plan from).</summary>
    public long? VisitorsNeeded { get; private set; }

    /// <summary>While no winner is found: visitors to the whole link, at its weights, until every undecided variant can be judged.</summary>
    public long? TotalVisitorsNeeded { get; private set; }

    /// <summary>The current look alone, no memory and no date range: what the harness compares with the old rule.</summary>
    public static StatsVerdict Decide(IReadOnlyList<VariantCounts> variants, int autoWinnerThreshold, double minimumEffect) =>
        Decide(variants, autoWinnerThreshold, minimumEffect, null, null, figuresOnly: false);

    /// <summary>
    /// Each variant against the control on its own, alpha shared by Bonferroni over the variants that take part (weight
    /// above 0, or clicks). A comparison is judged once both arms have the threshold's clicks and 5 expected conversions
    /// and non-conversions at the pooled rate, so a weak or unweighted variant never blocks the others. Significant when
    /// some variant is better (the winner has the highest lower bound: the largest uplift the data guarantee) or every
    /// taking part is worse (the control wins). With <paramref name="previous"/>, verdicts reached earlier stand.
    /// Withheld on a sample-ratio mismatch, or when <paramref name="figuresOnly"/> (a window that misses the start).
    /// </summary>
    public static StatsVerdict Decide(
        IReadOnlyList<VariantCounts> variants, int autoWinnerThreshold, double minimumEffect, VerdictMemory? previous, DateTimeOffset? now, bool figuresOnly)
    {
        var result = new StatsVerdict(variants);
        var controlIndex = ControlVariant.IndexOf(variants);
        var intervals = result._intervals;
        var uplifts = new (double Low, double High)?[variants.Count];
        var current = new string?[variants.Count];
        var taking = Enumerable.Range(0, variants.Count).Where(i => i != controlIndex && (variants[i].Weight > 0 || variants[i].Clicks > 0)).ToList();
        var comparisons = Math.Max(1, taking.Count);
        var judgedAny = false;
        for (var i = 0; i < variants.Count && variants.Count > 1; i++)
        {
            if (i == controlIndex)
            {
                continue;
            }

            var label = variants[i].Label;
            intervals[i] = Intersect(AlwaysValidTest.DifferenceInterval(variants[i], variants[controlIndex], comparisons), previous?.Intervals, label);
            uplifts[i] = Intersect(AlwaysValidTest.UpliftInterval(variants[i], variants[controlIndex], comparisons), previous?.UpliftIntervals, label);
            var judged = Judged(variants[i], variants[controlIndex], autoWinnerThreshold) || previous?.Intervals.ContainsKey(label) == true;
            judgedAny |= judged;
            result._judged[i] = judged;
            current[i] = !judged || intervals[i] is not { } interval ? VariantVerdict.Inconclusive
                : interval.Low > 0 ? VariantVerdict.Better
                : interval.High < 0 ? VariantVerdict.Worse
                : VariantVerdict.Inconclusive;
        }

        result.UpliftIntervals = uplifts;
        result.SampleRatio = SampleRatioTest.Check(variants);
        result.Withheld = figuresOnly ? VerdictWithheld.DateRange : result.SampleRatio.Mismatch ? VerdictWithheld.SampleRatioMismatch : null;
        if (result.Withheld is not null)
        {
            // Figures only: nothing is decided, and nothing is remembered from data the guarantee does not cover.
            result.Verdicts = new string?[variants.Count];
            result.Reached = previous?.Verdicts ?? result.Reached;
            result.SignificantSince = previous?.SignificantSince;
            result.Status = judgedAny ? StatsStatus.Running : StatsStatus.InsufficientData;
            return result;
        }

        var merged = current.Select((v, i) => previous?.Verdicts.TryGetValue(variants[i].Label, out var kept) == true ? kept : v).ToArray();
        result.Verdicts = merged;
        result.Reached = Enumerable.Range(0, variants.Count)
            .Where(i => merged[i] is VariantVerdict.Better or VariantVerdict.Worse)
            .ToDictionary(i => variants[i].Label, i => merged[i]!, StringComparer.Ordinal);
        var winner = Winner(variants, previous, merged, taking, controlIndex);
        result.RecommendedWinner = winner is { } w ? variants[w].Label : null;
        // A single variant has nothing to compare: it runs, and is never significant.
        result.Status = winner is not null ? StatsStatus.Significant
            : judgedAny || result.Reached.Count > 0 || variants.Count == 1 ? StatsStatus.Running
            : StatsStatus.InsufficientData;
        if (winner is { } found)
        {
            result.SignificantSince = previous?.SignificantSince is { } kept && kept.Winner == variants[found].Label
                ? kept
                : new SignificantSince { At = now, Visitors = variants.Sum(v => v.Clicks), Winner = variants[found].Label };
            result.TiedWinners = found == controlIndex ? Array.Empty<string>() : Tied(variants, merged, found, comparisons);
        }
        else if (variants.Count > 1)
        {
            Plan(result, variants, controlIndex, taking, merged, autoWinnerThreshold, minimumEffect, comparisons);
        }

        return result;
    }

    // The running intersection with what the memory kept; an empty one (the sequence missed once, which its 5% allows)
    // keeps the kept interval, the one that was reached first.
    private static (double Low, double High)? Intersect((double Low, double High)? current, IReadOnlyDictionary<string, IReadOnlyList<double>>? kept, string label)
    {
        if (kept is null || !kept.TryGetValue(label, out var before) || before.Count != 2)
        {
            return current;
        }

        if (current is not { } now)
        {
            return (before[0], before[1]);
        }

        var low = Math.Max(now.Low, before[0]);
        var high = Math.Min(now.High, before[1]);
        return low <= high ? (low, high) : (before[0], before[1]);
    }

    private IReadOnlyDictionary<string, IReadOnlyList<double>> Kept(IReadOnlyList<(double Low, double High)?> intervals)
    {
        var kept = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        for (var i = 0; i < intervals.Count && i < _labels.Length; i++)
        {
            if (_judged[i] && intervals[i] is { } interval)
            {
                kept[_labels[i]] = new[] { interval.Low, interval.High };
            }
        }

        return kept;
    }

    // A winner reached before stands; else the better variant with the highest lower bound; else the control when every
    // variant taking part is worse.
    private static int? Winner(IReadOnlyList<VariantCounts> variants, VerdictMemory? previous, string?[] merged, List<int> taking, int controlIndex)
    {
        if (previous?.SignificantSince is { } since)
        {
            for (var i = 0; i < variants.Count; i++)
            {
                if (variants[i].Label == since.Winner)
                {
                    return i;
                }
            }
        }

        int? best = null;
        var bestLow = Unknown;
        foreach (var i in taking.Where(i => merged[i] == VariantVerdict.Better))
        {
            var low = AlwaysValidTest.DifferenceInterval(variants[i], variants[controlIndex], Math.Max(1, taking.Count))?.Low ?? Unknown;
            if (best is null || low > bestLow)
            {
                best = i;
                bestLow = low;
            }
        }

        return best ?? (taking.Count > 0 && taking.All(i => merged[i] == VariantVerdict.Worse) ? controlIndex : null);
    }

    // Winners the data cannot order: the recommended one's always-valid interval against each other winner holds 0.
    private static IReadOnlyList<string> Tied(IReadOnlyList<VariantCounts> variants, string?[] merged, int winner, int comparisons) =>
        Enumerable.Range(0, variants.Count)
            .Where(i => i != winner && merged[i] == VariantVerdict.Better)
            .Where(i => AlwaysValidTest.DifferenceInterval(variants[winner], variants[i], comparisons) is not { } d || d.Low <= 0)
            .Select(i => variants[i].Label)
            .ToList();

    // The normal approximation needs enough expected outcomes in each arm; at the pooled rate (the rate under "no
    // difference") rather than each arm's own, so a broken variant with almost no conversions is judged, not waited for.
    private static bool Judged(VariantCounts variant, VariantCounts control, int threshold)
    {
        if (variant.Clicks < threshold || control.Clicks < threshold)
        {
            return false;
        }

        var pooled = (variant.Conversions + control.Conversions) / (double)(variant.Clicks + control.Clicks);
        var fewest = Math.Min(variant.Clicks, control.Clicks);
        var minimum = StatsCalculator.MinimumOutcomesPerVariant;
        return fewest * pooled >= minimum && fewest * (1 - pooled) >= minimum;
    }

    // Planned from the control's observed rate (the rate the effect is relative to), at the link's real weights, for
    // the undecided variants; the one that needs the most visitors sets the figure.
    private static void Plan(
        StatsVerdict result, IReadOnlyList<VariantCounts> variants, int controlIndex, List<int> taking, string?[] merged, int threshold, double effect, int comparisons)
    {
        var control = variants[controlIndex];
        var undecided = taking.Where(i => merged[i] is not (VariantVerdict.Better or VariantVerdict.Worse)).ToList();
        var totalWeight = (double)(control.Weight + taking.Sum(i => Math.Max(0, variants[i].Weight)));
        if (undecided.Count == 0 || control.Conversions == 0 || control.Weight <= 0 || totalWeight <= 0)
        {
            return;
        }

        double Share(VariantCounts v) => Math.Max(0, v.Weight) / totalWeight;
        long? longest = 0;
        foreach (var i in undecided.Where(i => variants[i].Weight > 0))
        {
            var total = AlwaysValidTest.VisitorsInTotal(control.Conversions / (double)control.Clicks, effect, comparisons, Share(control), Share(variants[i]));
            longest = total is null || longest is null ? null : Math.Max(longest.Value, total.Value);
        }

        if (longest is not { } planned || planned == 0)
        {
            return;
        }

        long perVariant = 0;
        double more = 0;
        foreach (var arm in new[] { control }.Concat(taking.Select(i => variants[i])).Where(v => v.Weight > 0))
        {
            var target = Math.Max((long)Math.Ceiling(Share(arm) * planned), threshold);
            var missing = Math.Max(0, target - arm.Clicks);
            perVariant = Math.Max(perVariant, missing);
            more = Math.Max(more, missing / Share(arm));
        }

        result.VisitorsNeeded = perVariant;
        result.TotalVisitorsNeeded = (long)Math.Ceiling(more);
    }
}
