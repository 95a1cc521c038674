using System.Management.Automation;
using Klinky.Links;
using Klinky.Reporting;
using Klinky.Stats;

namespace Klinky.PowerShell.Stats;

/// <summary>
/// One row of Get-KlinkyStats: one variant of one link, with the link's slug and id beside the figures so a table of
/// several links reads well and pipes on (<c>Set-KlinkyWinner</c> binds LinkId and Label). The whole stats object
/// stays reachable as <see cref="Stats"/>.
/// </summary>
public sealed class KlinkyVariantStats
{
    private string? _linkVerdict;

    internal KlinkyVariantStats(LinkStats stats, VariantStats variant, Link? link)
    {
        Stats = stats;
        Variant = variant;
        Slug = link?.Slug;
        Name = link?.Name;
    }

    public string LinkId => Stats.LinkId;
    public string? Slug { get; }
    public string? Name { get; }
    public string Label => Variant.Label;
    public bool IsControl => string.Equals(Variant.Label, Stats.ControlLabel, StringComparison.Ordinal);
    public int Weight => Variant.Weight;
    public long Clicks => Variant.Clicks;
    public long Conversions => Variant.Conversions;
    public double ConversionRate => Variant.ConversionRate;
    public double ConversionRateLow => Variant.ConversionRateCi.Count > 0 ? Variant.ConversionRateCi[0] : 0;
    public double ConversionRateHigh => Variant.ConversionRateCi.Count > 1 ? Variant.ConversionRateCi[1] : 0;
    public double? Uplift => Variant.Uplift;

    /// <summary>The always-valid 95% interval for the uplift vs control: safe to read at every look; the verdict comes from it.</summary>
    public double? UpliftLow => Variant.UpliftInterval is { Count: 2 } interval ? interval[0] : null;

    public double? UpliftHigh => Variant.UpliftInterval is { Count: 2 } interval ? interval[1] : null;

    /// <summary>better, worse or inconclusive vs the control (null for the control).</summary>
    public string? Verdict => Variant.Verdict;

    /// <summary>Descriptive only (fixed-horizon); never decides the winner.</summary>
    public double? PValue => Variant.PValue;
    public double? ProbabilityToBeatControl => Variant.ProbabilityToBeatControl;
    public double? ProbabilityToBeBest => Variant.ProbabilityToBeBest;
    public string Status => Stats.Status;
    public string? RecommendedWinner => Stats.RecommendedWinner;

    /// <summary>While undecided: visitors per variant still needed to detect <see cref="MinimumEffect"/> with 80% power.</summary>
    public long? VisitorsNeeded => Stats.VisitorsNeeded;

    public double MinimumEffect => Stats.MinimumEffect;
    public string? WinnerLabel => Stats.WinnerLabel;
    public StatsSource Source => Stats.Source;

    /// <summary>The link's verdict in the Markdown report's words (Klinky.Core's VerdictText): what the table's header says.</summary>
    public string LinkVerdict => _linkVerdict ??= VerdictText.For(Stats);

    /// <summary>True on the rows of the first link a Get-KlinkyStats call writes: the table says there, once, which figures Format-List adds.</summary>
    [Hidden]
    public bool ShowsListHint { get; internal set; }

    /// <summary>The link's whole stats object (what ConvertTo-KlinkyMarkdown renders).</summary>
    public LinkStats Stats { get; }

    public VariantStats Variant { get; }

    public override string ToString() => $"{Slug ?? LinkId}/{Label}";
}
