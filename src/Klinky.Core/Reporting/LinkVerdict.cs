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

        return stats.Status switch
        {
            StatsStatus.Significant when Find(stats, stats.RecommendedWinner) is { } winner => Significant(stats, winner),
            StatsStatus.InsufficientData => Collecting(stats),
            StatsStatus.Running or StatsStatus.Significant => Running(stats),
            _ => $"❔ **Status: {MarkdownText.Inline(stats.Status)}.**",
        };
    }

    /// <summary>A short word for the overview line.</summary>
    public static string Summary(LinkStats stats, string? declaredWinner) =>
        declaredWinner is not null ? "🏁 winner declared"
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
            .Select(v => $"**{MarkdownText.Inline(v.Label)}**")
            .ToList();
        return others.Count == 0
            ? text
            : $"{text} {string.Join(" and ", others)} {(others.Count == 1 ? "also beats" : "also beat")} control; "
                + $"**{name}** is recommended for the largest uplift the data guarantee (the winners are not tested against each other).";
    }

    private static string Collecting(LinkStats stats)
    {
        var fewest = stats.Variants.Min(v => v.Clicks);
        var needed = stats.AutoWinnerThreshold - fewest;
        if (needed > 0)
        {
            var alsoConversions = stats.Variants.Any(v => v.Conversions < MinimumOutcomes || v.Clicks - v.Conversions < MinimumOutcomes)
                ? $" Each variant also needs at least {MinimumOutcomes} conversions and {MinimumOutcomes} non-conversions."
                : "";
            return $"⏳ **Collecting data: {ReportNumbers.Count(needed)} more clicks per variant needed** "
                + $"(each variant needs {ReportNumbers.Count(stats.AutoWinnerThreshold)}; the fewest so far is {ReportNumbers.Count(fewest)}).{alsoConversions}"
                + Planning(stats);
        }

        // Enough clicks, but a rate estimated from fewer than 5 successes or failures is not trusted yet.
        return $"⏳ **Collecting data: every variant needs at least {MinimumOutcomes} conversions and {MinimumOutcomes} non-conversions** before the test can be judged."
            + Planning(stats);
    }

    private static string Running(LinkStats stats)
    {
        const string headline = "⚖️ **No significant difference yet.**";
        var leader = stats.Variants
            .Where(v => !IsControl(stats, v) && v.Uplift is not null)
            .OrderByDescending(v => v.Uplift)
            .FirstOrDefault();
        var worse = stats.Variants.Where(v => v.Verdict == VariantVerdict.Worse).Select(v => $"**{MarkdownText.Inline(v.Label)}**").ToList();
        var worseText = worse.Count == 0 ? "" : $" {string.Join(" and ", worse)} {(worse.Count == 1 ? "converts" : "convert")} worse than control.";
        if (leader is null || leader.Uplift <= 0)
        {
            return $"{headline} The control leads so far at {ControlRate(stats)}.{worseText}{Planning(stats)}";
        }

        var interval = IntervalClause(leader, "");
        return $"{headline} **{MarkdownText.Inline(leader.Label)}** leads with {ReportNumbers.Uplift(leader.Uplift)} vs control"
            + $"{(interval.Length > 0 ? $" ({interval})" : "")}.{worseText}{Planning(stats)}";
    }

    /// <summary>How much longer, from the stats' <c>visitors_needed</c>; nothing when the server did not say.</summary>
    private static string Planning(LinkStats stats)
    {
        var effect = ReportNumbers.Uplift(stats.MinimumEffect);
        return stats.VisitorsNeeded switch
        {
            null => "",
            0 => $" Enough visitors have come to detect a {effect} uplift with 80% power: a difference still unproven is probably smaller than that.",
            { } n => $" About {ReportNumbers.Count(n)} more visitors per variant to detect a {effect} uplift with 80% power.",
        };
    }

    /// <summary>Nothing when the server sent no interval (a stats object from before the always-valid fields).</summary>
    private static string IntervalClause(VariantStats variant, string separator) =>
        variant.UpliftInterval is { Count: 2 } ? $"{separator}always-valid 95% interval {ReportNumbers.UpliftInterval(variant.UpliftInterval)}" : "";

    private static string UpliftClause(LinkStats stats, VariantStats variant) =>
        IsControl(stats, variant) || variant.Uplift is null ? "" : $" ({ReportNumbers.Uplift(variant.Uplift)} vs control)";

    private static string ControlRate(LinkStats stats) =>
        Find(stats, ControlLabel(stats)) is { } control ? ReportNumbers.Rate(control.ConversionRate) : ReportNumbers.Missing;
}
