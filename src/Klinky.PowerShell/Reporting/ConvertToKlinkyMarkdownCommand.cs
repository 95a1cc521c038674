using System.Management.Automation;
using Klinky.PowerShell.Stats;
using Klinky.Reporting;
using Klinky.Stats;

namespace Klinky.PowerShell.Reporting;

/// <summary>
/// ConvertTo-KlinkyMarkdown: the report the GitHub Action posts, rendered by Klinky.Core's MarkdownReport from
/// Get-KlinkyStats output. Collects the whole pipeline first: the report covers every link in one document.
/// </summary>
[Cmdlet(VerbsData.ConvertTo, "KlinkyMarkdown", HelpUri = HelpLinks.Page + "#convertto-klinkymarkdown")]
[OutputType(typeof(string))]
public sealed class ConvertToKlinkyMarkdownCommand : PSCmdlet
{
    private readonly List<LinkStats> _links = new();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    public object[] InputObject { get; set; } = Array.Empty<object>();

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Title { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var item in InputObject)
        {
            if (ReportInput.Collect(item, _links, "ConvertTo-KlinkyMarkdown") is { } error)
            {
                WriteError(error);
            }
        }
    }

    protected override void EndProcessing()
    {
        var options = Title is null ? new MarkdownReportOptions() : new MarkdownReportOptions { Title = Title };
        WriteObject(MarkdownReport.Render(_links, options));
    }
}
