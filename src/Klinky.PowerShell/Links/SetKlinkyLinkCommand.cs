using System.Collections;
using System.Management.Automation;
using Klinky.Links;
using Klinky.PowerShell.Completion;
using Klinky.Validation;

namespace Klinky.PowerShell.Links;

/// <summary>Set-KlinkyLink: partial update; only the parameters given change.</summary>
[Cmdlet(VerbsCommon.Set, "KlinkyLink", HelpUri = HelpLinks.Page + "#set-klinkylink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Link))]
public sealed class SetKlinkyLinkCommand : KlinkyCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("LinkId")]
    [ArgumentCompleter(typeof(LinkIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    [Parameter]
    public string? Name { get; set; }

    [Parameter]
    [Alias("IsActive")]
    public bool Active { get; set; }

    [Parameter]
    public bool AutoWinner { get; set; }

    [Parameter]
    public int AutoWinnerThreshold { get; set; }

    [Parameter]
    [AllowEmptyString]
    public string? ConversionRedirectUrl { get; set; }

    [Parameter]
    [Alias("GeoRules")]
    public Hashtable? GeoRule { get; set; }

    /// <summary>Writes the updated link.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        var bound = MyInvocation.BoundParameters;
        var request = new UpdateLinkRequest
        {
            Name = bound.ContainsKey(nameof(Name)) ? Name : null,
            IsActive = bound.ContainsKey(nameof(Active)) ? Active : null,
            AutoWinner = bound.ContainsKey(nameof(AutoWinner)) ? AutoWinner : null,
            AutoWinnerThreshold = bound.ContainsKey(nameof(AutoWinnerThreshold)) ? AutoWinnerThreshold : null,
            ConversionRedirectUrl = bound.ContainsKey(nameof(ConversionRedirectUrl)) ? ConversionRedirectUrl : null,
            GeoRules = GeoRules.From(GeoRule),
        };
        var changes = string.Join(", ", bound.Keys.Where(k => k is not (nameof(Id) or nameof(PassThru)) && !CommonParameters.Contains(k)));
        if (changes.Length == 0)
        {
            WriteWarning($"Set-KlinkyLink {Id}: no change given (use -Name, -Active, -AutoWinner, -AutoWinnerThreshold, -ConversionRedirectUrl or -GeoRule).");
            return;
        }

        if (!Validate(LinkValidator.Validate(request), Id) || !ShouldProcess(Id, $"Update Klinky link ({changes})"))
        {
            return;
        }

        if (TryRun((client, ct) => client.Links.UpdateAsync(Id, request, ct), Id, out var link))
        {
            SeenLinks.Remember(link);
            if (PassThru)
            {
                WriteObject(link);
            }
        }
    }
}
