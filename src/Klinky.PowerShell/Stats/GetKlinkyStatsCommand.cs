using System.Management.Automation;
using Klinky.Links;
using Klinky.PowerShell.Completion;
using Klinky.PowerShell.Targets;
using Klinky.Stats;

namespace Klinky.PowerShell.Stats;

/// <summary>
/// Get-KlinkyStats: per-variant statistics of links, one request per link where the server has a stats route (else
/// computed from the clicks export by Klinky.Core, which says so in Source). A -Slug costs one request more, unless this
/// session already holds the link.
/// </summary>
[Cmdlet(VerbsCommon.Get, "KlinkyStats", HelpUri = HelpLinks.Page + "#get-klinkystats", DefaultParameterSetName = IdSet)]
[OutputType(typeof(KlinkyVariantStats))]
[OutputType(typeof(LinkStats))]
public sealed class GetKlinkyStatsCommand : KlinkyCmdlet
{
    private const string IdSet = LinkTargets.IdSet;
    private const string LinkSet = "Link";
    private bool _wroteRow;

    /// <summary>A link from Get-KlinkyLink: its variants and threshold spare the fallback a request.</summary>
    [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = LinkSet)]
    public Link InputObject { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = IdSet)]
    [Alias("LinkId")]
    [ArgumentCompleter(typeof(LinkIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = Array.Empty<string>();

    [Parameter(Mandatory = true, ParameterSetName = LinkTargets.SlugSet)]
    [ArgumentCompleter(typeof(LinkSlugCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Slug { get; set; } = Array.Empty<string>();

    [Parameter]
    public DateTime? Start { get; set; }

    [Parameter]
    public DateTime? End { get; set; }

    /// <summary>The relative uplift VisitorsNeeded is planned for: 0.2 (+20%) unless given.</summary>
    [Parameter]
    [ValidateRange(0.01, 100.0)]
    public double MinimumEffect { get; set; } = AlwaysValidTest.DefaultMinimumEffect;

    /// <summary>Writes one stats object per link instead of one row per variant.</summary>
    [Parameter]
    public SwitchParameter AsLinkStats { get; set; }

    protected override void ProcessRecord()
    {
        var range = DateArguments.Range(Start, End);

        // One request per link, more where the server has no stats route (then the clicks export is read).
        LookBeforeSpending();
        if (ParameterSetName == LinkSet)
        {
            var link = InputObject;
            SeenLinks.Remember(link);
            if (TryRun((client, ct) => client.Stats.GetAsync(link, range, ct), link.Id, out var stats))
            {
                Write(stats);
            }

            return;
        }

        foreach (var target in LinkTargets.Of(this, ParameterSetName == LinkTargets.SlugSet, Id, Slug))
        {
            // A link this session already holds gives the report its slug and spares the clicks fallback a request.
            var known = target.Link;
            if (TryRun((client, ct) => known is null ? client.Stats.GetAsync(target.Id, range, ct) : client.Stats.GetAsync(known, range, ct), target.Id, out var stats))
            {
                Write(stats);
            }
        }
    }

    private void Write(LinkStats stats)
    {
        if (MyInvocation.BoundParameters.ContainsKey(nameof(MinimumEffect)))
        {
            stats = StatsCalculator.WithMinimumEffect(stats, MinimumEffect);
        }

        if (stats.Source == StatsSource.ComputedFromClicks)
        {
            WriteVerbose($"{stats.Link?.Slug ?? stats.LinkId}: the server has no stats route; computed from the clicks export ({stats.RequestCost} requests).");
        }

        // The one thing no table may hide: the split does not match the weights, so no verdict is given.
        if (stats.VerdictWithheld == VerdictWithheld.SampleRatioMismatch && stats.SampleRatio is { } ratio)
        {
            WriteWarning($"{stats.Link?.Slug ?? stats.LinkId}: sample ratio mismatch, no verdict: expected "
                + string.Join(" / ", ratio.ExpectedShares.Select(s => s.ToString("P1", System.Globalization.CultureInfo.InvariantCulture)))
                + ", observed " + string.Join(" / ", ratio.ObservedShares.Select(s => s.ToString("P1", System.Globalization.CultureInfo.InvariantCulture)))
                + ". Usual causes: bot filtering, a slow or broken variant page, lost cookies, weights changed mid-test.");
        }

        if (AsLinkStats)
        {
            WriteObject(stats);
            return;
        }

        // The table's "| Format-List adds" hint rides on the rows of the first link this call writes (all of them, as the
        // table groups by what its header shows): shown once, not per link.
        var first = !_wroteRow;
        foreach (var variant in stats.Variants)
        {
            WriteObject(new KlinkyVariantStats(stats, variant, stats.Link ?? SeenLinks.Find(stats.LinkId)) { ShowsListHint = first });
            _wroteRow = true;
        }
    }
}
