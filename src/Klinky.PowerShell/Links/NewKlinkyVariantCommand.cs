using System.Management.Automation;
using Klinky.Links;

namespace Klinky.PowerShell.Links;

/// <summary>New-KlinkyVariant: builds one variant locally for -Variant; sends nothing.</summary>
[Cmdlet(VerbsCommon.New, "KlinkyVariant", HelpUri = HelpLinks.Page + "#new-klinkyvariant")]
[OutputType(typeof(Variant))]
public sealed class NewKlinkyVariantCommand : PSCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Label { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("DestinationUrl", "destination_url")]
    [ValidateNotNullOrEmpty]
    public string Url { get; set; } = "";

    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ValidateRange(0, LinkRules.WeightTotal)]
    public int Weight { get; set; }

    protected override void ProcessRecord() => WriteObject(new Variant(Label, Url, Weight));
}
