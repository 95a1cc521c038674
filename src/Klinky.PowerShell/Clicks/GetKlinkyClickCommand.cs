using System.Management.Automation;
using Klinky.Clicks;
using Klinky.PowerShell.Completion;
using Klinky.PowerShell.Paging;
using Klinky.PowerShell.Targets;

namespace Klinky.PowerShell.Clicks;

/// <summary>Get-KlinkyClick: a link's click export, fetched up to 100 per request as the pipeline reads.</summary>
[Cmdlet(VerbsCommon.Get, "KlinkyClick", HelpUri = HelpLinks.Page + "#get-klinkyclick", SupportsPaging = true, DefaultParameterSetName = LinkTargets.IdSet)]
[OutputType(typeof(Click))]
public sealed class GetKlinkyClickCommand : KlinkyCmdlet
{
    private const int ActivityId = 4713;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = LinkTargets.IdSet)]
    [Alias("LinkId")]
    [ArgumentCompleter(typeof(LinkIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = LinkTargets.SlugSet)]
    [ArgumentCompleter(typeof(LinkSlugCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string Slug { get; set; } = "";

    [Parameter]
    public DateTime? Start { get; set; }

    [Parameter]
    public DateTime? End { get; set; }

    protected override void ProcessRecord()
    {
        var range = DateArguments.Range(Start, End);
        foreach (var target in LinkTargets.Of(this, ParameterSetName == LinkTargets.SlugSet, new[] { Id }, new[] { Slug }))
        {
            new Pager<Click>(this, PagingParameters, ActivityId, $"Exporting clicks of {target.Shown}").Run(
                (client, page, perPage, ct) => client.Clicks.ListAsync(target.Id, new ClickListOptions { Page = page, PerPage = perPage, Range = range }, ct),
                target.Id,
                null,
                click =>
                {
                    // The click object has no link id of its own; carry it so grouped and exported output stays traceable.
                    var output = PSObject.AsPSObject(click);
                    output.Properties.Add(new PSNoteProperty("LinkId", target.Id));
                    WriteObject(output);
                });
        }
    }
}
