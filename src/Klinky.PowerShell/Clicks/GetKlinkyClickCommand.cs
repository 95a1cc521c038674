using System.Management.Automation;
using Klinky.Clicks;
using Klinky.PowerShell.Completion;

namespace Klinky.PowerShell.Clicks;

/// <summary>Get-KlinkyClick: a link's click export, fetched 100 per request as the pipeline reads.</summary>
[Cmdlet(VerbsCommon.Get, "KlinkyClick", HelpUri = HelpLinks.Page + "#get-klinkyclick", SupportsPaging = true)]
[OutputType(typeof(Click))]
public sealed class GetKlinkyClickCommand : KlinkyCmdlet
{
    private const int ActivityId = 4713;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("LinkId")]
    [ArgumentCompleter(typeof(LinkIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    [Parameter]
    public DateTime? Start { get; set; }

    [Parameter]
    public DateTime? End { get; set; }

    protected override void ProcessRecord()
    {
        var range = DateArguments.Range(Start, End);
        var first = PagingParameters.First;
        var toSkip = PagingParameters.Skip;
        ulong written = 0;
        var pages = 0;
        for (var page = 1; written < first; page++)
        {
            var number = page;
            if (!TryRun((client, ct) => client.Clicks.ListAsync(Id, new ClickListOptions { Page = number, Range = range }, ct), Id, out var result))
            {
                break;
            }

            if (page == 1)
            {
                pages = (int)Math.Ceiling(result.Total / (double)Math.Max(1, result.PerPage));
                if (PagingParameters.IncludeTotalCount.IsPresent)
                {
                    WriteObject(PagingParameters.NewTotalCount((ulong)Math.Max(0, result.Total), 1.0));
                }
            }

            if (pages > 1)
            {
                WriteProgress(new ProgressRecord(ActivityId, $"Exporting clicks of {Id}", $"page {page} of {pages}") { PercentComplete = Math.Min(100, page * 100 / pages) });
            }

            foreach (var click in result.Items)
            {
                if (toSkip > 0)
                {
                    toSkip--;
                    continue;
                }

                if (written++ >= first)
                {
                    break;
                }

                // The click object has no link id of its own; carry it so grouped and exported output stays traceable.
                var output = PSObject.AsPSObject(click);
                output.Properties.Add(new PSNoteProperty("LinkId", Id));
                WriteObject(output);
            }

            if (!result.HasMore)
            {
                break;
            }
        }

        if (pages > 1)
        {
            WriteProgress(new ProgressRecord(ActivityId, $"Exporting clicks of {Id}", "done") { RecordType = ProgressRecordType.Completed });
        }
    }
}
