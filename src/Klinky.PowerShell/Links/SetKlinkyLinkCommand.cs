using System.Collections;
using System.Management.Automation;
using Klinky.Links;
using Klinky.PowerShell.Completion;
using Klinky.PowerShell.Targets;
using Klinky.Validation;

namespace Klinky.PowerShell.Links;

/// <summary>Set-KlinkyLink: partial update; only the parameters given change.</summary>
[Cmdlet(VerbsCommon.Set, "KlinkyLink", HelpUri = HelpLinks.Page + "#set-klinkylink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = LinkTargets.IdSet)]
[OutputType(typeof(Link))]
public sealed class SetKlinkyLinkCommand : KlinkyCmdlet
{
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
        var changes = string.Join(", ", bound.Keys.Where(k => k is not (nameof(Id) or nameof(Slug) or nameof(PassThru)) && !CommonParameters.Contains(k)));
        if (changes.Length == 0)
        {
            WriteWarning($"Set-KlinkyLink {(ParameterSetName == LinkTargets.SlugSet ? Slug : Id)}: no change given (use -Name, -Active, -AutoWinner, -AutoWinnerThreshold, -ConversionRedirectUrl or -GeoRule).");
            return;
        }

        if (!Validate(LinkValidator.Validate(request), ParameterSetName == LinkTargets.SlugSet ? Slug : Id))
        {
            return;
        }

        foreach (var target in LinkTargets.Of(this, ParameterSetName == LinkTargets.SlugSet, new[] { Id }, new[] { Slug }))
        {
            if (ShouldProcess(target.Shown, $"Update Klinky link ({changes})")
                && TryRun((client, ct) => client.Links.UpdateAsync(target.Id, request, ct), target.Id, out var link))
            {
                SeenLinks.Remember(link);
                if (PassThru)
                {
                    WriteObject(link);
                }
            }
        }
    }
}
