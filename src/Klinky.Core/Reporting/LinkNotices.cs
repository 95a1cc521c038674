using System.Globalization;
using Klinky.Stats;

namespace Klinky.Reporting;

/// <summary>
/// What a reader must know before the verdict: a sample-ratio mismatch (the verdict is withheld and the warning leads),
/// a window that gives figures only, an experiment that started over; and after it, what the verdict rests on.
/// </summary>
internal static class LinkNotices
{
    /// <summary>The warning that leads the section, or null.</summary>
    public static string? Leading(LinkStats stats)
    {
        if (stats.VerdictWithheld == VerdictWithheld.SampleRatioMismatch && stats.SampleRatio is { } ratio)
        {
            return "> [!WARNING]\n> **Sample ratio mismatch: no verdict.** The weights say "
                + Split(stats, ratio.ExpectedShares) + ", but the " + ReportNumbers.Count(stats.TotalClicks) + " visitors arrived "
                + Split(stats, ratio.ObservedShares) + " (always-valid p " + PValue(ratio.PValue) + "). "
                + "When visitors do not split as the weights say, every other figure here is suspect. Usual causes: bots or filtering "
                + "that hit one variant more, a variant whose page is slow or loses visitors before the click is counted, lost cookies, "
                + "or weights changed while the test ran. Fix the cause, then change the variants or weights to start over.";
        }

        return stats.ExperimentRestarted && stats.VerdictWithheld is null
            ? "🔄 **The variants or weights changed: the experiment started over**" + At(stats.ExperimentStartedAt) + ", and the figures count from then."
            : null;
    }

    /// <summary>The headline when the verdict is withheld: short and complete on its own (a console shows it alone).</summary>
    public static string Withheld(LinkStats stats) =>
        stats.VerdictWithheld == VerdictWithheld.SampleRatioMismatch && stats.SampleRatio is { } ratio
            ? $"⚠️ **No verdict: visitors do not split as the weights say** (sample ratio mismatch: expected {Split(stats, ratio.ExpectedShares)}, observed {Split(stats, ratio.ObservedShares)})."
            : "📅 **Figures only, no verdict**: this window does not start at the experiment's start, and the always-valid "
                + "guarantee covers the experiment from its start. Read the whole experiment for the verdict.";

    /// <summary>Since when the verdict holds, or that this read shows the current look only.</summary>
    public static string Basis(LinkStats stats)
    {
        if (stats.Status == StatsStatus.Significant && stats.SignificantSince is { } since && stats.VerdictBasis == VerdictBasis.History)
        {
            return $" This result holds since {(since.At is { } at ? ReportNumbers.Date(at) + ", " : "")}at {ReportNumbers.Count(since.Visitors)} visitors; a verdict once reached stands.";
        }

        return stats.VerdictBasis == VerdictBasis.CurrentLook && stats.Status != StatsStatus.InsufficientData
            ? " (This read keeps no history: it shows the current look.)"
            : "";
    }

    /// <summary>Variants far behind the control, and variants without traffic, each said once.</summary>
    public static string Behind(LinkStats stats)
    {
        var worse = stats.Variants.Where(v => v.Verdict == VariantVerdict.Worse).Select(v => $"**{MarkdownText.Inline(v.Label)}**").ToList();
        var idle = stats.Variants.Where(v => v.Weight == 0 && v.Clicks == 0 && !LinkVerdict.IsControl(stats, v)).Select(v => $"**{MarkdownText.Inline(v.Label)}**").ToList();
        var text = worse.Count == 0 ? "" : $" {string.Join(" and ", worse)} {(worse.Count == 1 ? "is" : "are")} far behind the control (by the always-valid 95% interval): worth checking that {(worse.Count == 1 ? "its page works" : "their pages work")}.";
        return idle.Count == 0 ? text : $"{text} {string.Join(" and ", idle)} {(idle.Count == 1 ? "gets" : "get")} no traffic (weight 0) and {(idle.Count == 1 ? "is" : "are")} not judged.";
    }

    private static string Split(LinkStats stats, IReadOnlyList<double> shares) =>
        string.Join(" / ", stats.Variants.Select((v, i) => $"{MarkdownText.Inline(v.Label)} {Share(i < shares.Count ? shares[i] : 0)}"));

    private static string Share(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string PValue(double p) => p < 0.0001 ? "&lt; 0.0001" : "= " + p.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string At(DateTimeOffset? at) => at is { } time ? " on " + ReportNumbers.Date(time) : "";
}
