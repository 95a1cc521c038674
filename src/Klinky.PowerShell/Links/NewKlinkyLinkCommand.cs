using System.Collections;
using System.Management.Automation;
using Klinky.Links;
using Klinky.PowerShell.Completion;
using Klinky.Validation;

namespace Klinky.PowerShell.Links;

/// <summary>New-KlinkyLink: creates an A/B link; one per pipeline item, so <c>Import-Csv links.csv | New-KlinkyLink</c> works.</summary>
[Cmdlet(VerbsCommon.New, "KlinkyLink", HelpUri = HelpLinks.Page + "#new-klinkylink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(Link))]
public sealed class NewKlinkyLinkCommand : KlinkyCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    public string Name { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowEmptyString]
    [AllowNull]
    public string? Slug { get; set; }

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Variants")]
    public object[] Variant { get; set; } = Array.Empty<object>();

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SwitchParameter AutoWinner { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int AutoWinnerThreshold { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(RoutingTypeCompleter))]
    public string? RoutingType { get; set; }

    [Parameter]
    [Alias("GeoRules")]
    public Hashtable? GeoRule { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public SwitchParameter ConversionTracking { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? ConversionRedirectUrl { get; set; }

    protected override void ProcessRecord()
    {
        var target = string.IsNullOrEmpty(Slug) ? Name : $"{Name} ({Slug})";
        if (!VariantArguments.TryRead(Variant, out var variants, out var variantError))
        {
            Validate(new[] { variantError! }, target);
            return;
        }

        var bound = MyInvocation.BoundParameters;
        var request = new CreateLinkRequest(Name, variants)
        {
            Slug = string.IsNullOrEmpty(Slug) ? null : Slug,
            RoutingType = string.IsNullOrEmpty(RoutingType) ? null : RoutingType,
            GeoRules = GeoRules.From(GeoRule),
            AutoWinner = bound.ContainsKey(nameof(AutoWinner)) ? AutoWinner.IsPresent : null,
            AutoWinnerThreshold = bound.ContainsKey(nameof(AutoWinnerThreshold)) ? AutoWinnerThreshold : null,
            EnableConversionTracking = bound.ContainsKey(nameof(ConversionTracking)) ? ConversionTracking.IsPresent : null,
            ConversionRedirectUrl = string.IsNullOrEmpty(ConversionRedirectUrl) ? null : ConversionRedirectUrl,
        };
        if (!Validate(LinkValidator.Validate(request), target)
            || !ShouldProcess(target, $"Create Klinky link with variants {VariantSpec.Format(variants)}"))
        {
            return;
        }

        if (TryRun((client, ct) => client.Links.CreateAsync(request, null, ct), target, out var link))
        {
            WriteLink(link);
        }
    }
}
