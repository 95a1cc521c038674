using Klinky.Stats;

namespace Klinky.Reporting;

/// <summary>
/// The headline of a link's section: who won, what is missing, or that it is too close to call. It only restates the
/// stats object's verdict (status, recommended winner, each variant's always-valid interval); it decides nothing.
/// </summary>
internal static class LinkVerdict
{
    /// <summary>The contract's minimum of conversions and of non-conversions per variant before a rate is trusted.</summary>
    private const int MinimumOutcomes = StatsCalculator.MinimumOutcomesPerVariant;

    public static string Render(LinkStats stats, string? declaredWinner)
    {
        if (declaredWinner is not null)
        {
            return Declared(stats, declaredWinner);
        }

        if (stats.Variants.Count == 0)
        {
            return "📭 **No variants reported yet.**";
        }

        if (stats.VerdictWithheld is not null)
        {
            // The figures stay, the verdict words do not; a sample-ratio warning with the usual causes leads the section.
            return LinkNotices.Withheld(stats);
        }

        return stats.Status switch
        {
            StatsStatus.Significant when Find(stats, stats.RecommendedWinner) is { } winner => Significant(stats, winner) + (IsControl(stats, winner) ? "" : LinkNotices.Behind(stats)) + LinkNotices.Basis(stats),
            StatsStatus.InsufficientData => Collecting(stats),
            StatsStatus.Running or StatsStatus.Significant => Running(stats) + LinkNotices.Basis(stats),
            _ => $"❔ **Status: {MarkdownText.Inline(stats.Status)}.**",
        };
    }

    /// <summary>A short word for the overview line.</summary>
    public static string Summary(LinkStats stats, string? declaredWinner) =>
        declaredWinner is not null ? "🏁 winner declared"
        : stats.VerdictWithheld == VerdictWithheld.SampleRatioMismatch ? "⚠️ sample ratio mismatch"
        : stats.Status == StatsStatus.Significant && stats.RecommendedWinner is not null ? "🏆 winner found"
        : stats.Status == StatsStatus.InsufficientData ? "⏳ collecting data"
        : stats.Status == StatsStatus.Running ? "⚖️ running"
        : "❔ " + MarkdownText.Inline(stats.Status);

    public static VariantStats? Find(LinkStats stats, string? label) =>
        label is null ? null : stats.Variants.FirstOrDefault(v => string.Equals(v.Label, label, StringComparison.Ordinal));

    public static bool IsControl(LinkStats stats, VariantStats variant) =>
        string.Equals(variant.Label, ControlLabel(stats), StringComparison.Ordinal);

    /// <summary>The contract's control: the stats' control label, else the variant called <c>control</c>, else the first.</summary>
    public static string ControlLabel(LinkStats stats) =>
        !string.IsNullOrEmpty(stats.ControlLabel) ? stats.ControlLabel
        : stats.Variants.Any(v => v.Label == Links.LinkRules.ControlLabel) ? Links.LinkRules.ControlLabel
        : stats.Variants.FirstOrDefault()?.Label ?? "";

    private static string Declared(LinkStats stats, string label)
    {
        var text = $"🏁 **Winner declared: {MarkdownText.Inline(label)}.** All traffic now goes to it.";
        return Find(stats, label) is { } winner
            ? $"{text} It converted at {ReportNumbers.Rate(winner.ConversionRate)}{UpliftClause(stats, winner)}."
            : text;
    }

    private static string Significant(LinkStats stats, VariantStats winner)
    {
        var name = MarkdownText.Inline(winner.Label);
        if (IsControl(stats, winner) || winner.Uplift is null)
        {
            return $"🛡️ **{name} wins**: every variant converts worse than the control ({ReportNumbers.Rate(winner.ConversionRate)}), "
                + "each by its always-valid 95% interval.";
        }

        var text = $"🏆 **{name} beats control**: {ReportNumbers.Uplift(winner.Uplift)} conversion rate "
            + $"({ReportNumbers.Rate(winner.ConversionRate)} vs {ControlRate(stats)}){IntervalClause(winner, ", ")}.";
        var others = stats.Variants
            .Where(v => v.Verdict == VariantVerdict.Better && !ReferenceEquals(v, winner))
            .Select(v => v.Label)
            .ToList();
        if (others.Count == 0)
        {
            return text;
        }

        var tied = others.Where(o => stats.TiedWinners.Contains(o)).Select(o => $"**{MarkdownText.Inline(o)}**").ToList();
        var behind = others.Where(o => !stats.TiedWinners.Contains(o)).Select(o => $"**{MarkdownText.Inline(o)}**").ToList();
        var all = tied.Concat(behind).ToList();
        text += $" {string.Join(" and ", all)} {(all.Count == 1 ? "also beats" : "also beat")} control.";
        if (tied.Count > 0)
        {
            text += $" **{name}** and {string.Join(" and ", tied)} are tied: the data do not separate them, so auto-winner waits; "
                + $"**{name}** is recommended for the largest uplift the data guarantee.";
        }

        return behind.Count == 0 ? text : $"{text} **{name}** is also separated from {string.Join(" and ", behind)}.";
    }

    private static string Collecting(LinkStats stats)
    {
        // A variant without weight and without clicks takes no part, so it does not hold the others up.
        var taking = stats.Variants.Where(v => v.Weight > 0 || v.Clicks > 0).DefaultIfEmpty(stats.Variants[0]).ToList();
        var fewest = taking.Min(v => v.Clicks);
        var needed = stats.AutoWinnerThreshold - fewest;
        const string outcomes = " A comparison also needs, at the variant and control's shared rate, at least 5 expected conversions and 5 non-conversions in each.";
        if (needed > 0)
        {
            return $"⏳ **Collecting data: {ReportNumbers.Count(needed)} more clicks per variant needed** "
                + $"(each variant needs {ReportNumbers.Count(stats.AutoWinnerThreshold)}; the fewest so far is {ReportNumbers.Count(fewest)}).{outcomes}"
                + Planning(stats);
        }

        // Enough clicks, but a rate estimated from fewer than 5 expected successes or failures is not trusted yet.
        return $"⏳ **Collecting data: each comparison needs at least {MinimumOutcomes} expected conversions and {MinimumOutcomes} non-conversions in each arm** before it can be judged."
            + Planning(stats);
    }

    private static string Running(LinkStats stats)
    {
        const string headline = "⚖️ **No significant difference yet.**";
        var leader = stats.Variants
            .Where(v => !IsControl(stats, v) && v.Uplift is not null)
            .OrderByDescending(v => v.Uplift)
            .FirstOrDefault();
        var worseText = LinkNotices.Behind(stats);
        if (leader is null || leader.Uplift <= 0)
        {
            return $"{headline} The control leads so far at {ControlRate(stats)}.{worseText}{Planning(stats)}";
        }

        var interval = IntervalClause(leader, "");
        return $"{headline} **{MarkdownText.Inline(leader.Label)}** leads with {ReportNumbers.Uplift(leader.Uplift)} vs control"
            + $"{(interval.Length > 0 ? $" ({interval})" : "")}.{worseText}{Planning(stats)}";
    }

    /// <summary>How much longer, from the stats' <c>visitors_needed</c> and the time it means; nothing when the server did not say.</summary>
    private static string Planning(LinkStats stats)
    {
        var effect = ReportNumbers.Uplift(stats.MinimumEffect);
        if (stats.VisitorsNeeded is 0)
        {
            return $" Enough visitors have come to detect a {effect} uplift with 80% power: a difference still unproven is probably smaller than that.";
        }

        if (stats.VisitorsNeeded is not { } perVariant)
        {
            return "";
        }

        var visitors = stats.TotalVisitorsNeeded is { } total
            ? $"About {ReportNumbers.Count(total)} more visitors at the current weights (the variant that needs the most: {ReportNumbers.Count(perVariant)} more)"
            : $"About {ReportNumbers.Count(perVariant)} more visitors per variant";
        return $" {visitors} to detect a {effect} uplift with 80% power{Time(stats.DaysNeeded)}.";
    }

    /// <summary>"about 3 days at the current rate".</summary>
    private static string Time(double? days) => days switch
    {
        null => "",
        < 1.0 / 24 => ": under an hour at the current rate",
        < 1 => $": about {ReportNumbers.Count((long)Math.Ceiling(days.Value * 24))} hours at the current rate",
        < 1.5 => ": about 1 day at the current rate",
        _ => $": about {ReportNumbers.Count((long)Math.Round(days.Value))} days at the current rate",
    };

    /// <summary>Nothing when the server sent no interval (a stats object from before the always-valid fields).</summary>
    private static string IntervalClause(VariantStats variant, string separator) =>
        variant.UpliftInterval is { Count: 2 } ? $"{separator}always-valid 95% interval {ReportNumbers.UpliftInterval(variant.UpliftInterval)}" : "";

    private static string UpliftClause(LinkStats stats, VariantStats variant) =>
        IsControl(stats, variant) || variant.Uplift is null ? "" : $" ({ReportNumbers.Uplift(variant.Uplift)} vs control)";

    private static string ControlRate(LinkStats stats) =>
        Find(stats, ControlLabel(stats)) is { } control ? ReportNumbers.Rate(control.ConversionRate) : ReportNumbers.Missing;
}
