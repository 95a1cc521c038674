using System.Collections;
using System.Globalization;
using System.Management.Automation;
using Klinky.Links;
using Klinky.PowerShell.Completion;
using Klinky.Validation;

namespace Klinky.PowerShell.Links;

/// <summary>Set-KlinkyVariant: replaces a link's variants (-Variant), or re-weights the ones it has (-Weight @{control=70; variant_b=30}).</summary>
[Cmdlet(VerbsCommon.Set, "KlinkyVariant", HelpUri = HelpLinks.Page + "#set-klinkyvariant", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ReplaceSet)]
[OutputType(typeof(Link))]
public sealed class SetKlinkyVariantCommand : KlinkyCmdlet
{
    private const string ReplaceSet = "Replace";
    private const string WeightSet = "Weight";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("LinkId")]
    [ArgumentCompleter(typeof(LinkIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ReplaceSet)]
    [Alias("Variants")]
    public object[] Variant { get; set; } = Array.Empty<object>();

    /// <summary>New weights by label; labels not named keep their weight.</summary>
    [Parameter(Mandatory = true, ParameterSetName = WeightSet)]
    public Hashtable Weight { get; set; } = new();

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == ReplaceSet)
        {
            if (!VariantArguments.TryRead(Variant, out var variants, out var error))
            {
                Validate(new[] { error! }, Id);
                return;
            }

            if (Validate(LinkValidator.ValidateVariants(variants), Id) && ShouldProcess(Id, $"Replace variants with {VariantSpec.Format(variants)}"))
            {
                Send(variants);
            }

            return;
        }

        var weights = Weight.Cast<DictionaryEntry>().ToDictionary(e => Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "", e => e.Value, StringComparer.Ordinal);
        // Asked before reading the link, so that -WhatIf spends no request at all.
        if (!ShouldProcess(Id, "Re-weight variants: " + string.Join(", ", weights.Select(w => $"{w.Key}={w.Value}"))))
        {
            return;
        }

        // A read and a replacement: two requests.
        LookBeforeSpending();
        if (!TryRun((client, ct) => client.Links.GetAsync(Id, ct), Id, out var link))
        {
            return;
        }

        var errors = new List<KlinkyFieldError>();
        var reweighted = link.Variants.Select((v, i) =>
        {
            if (!weights.TryGetValue(v.Label, out var value))
            {
                return v;
            }

            if (!LanguagePrimitives.TryConvertTo<int>(value is PSObject ps ? ps.BaseObject : value, CultureInfo.InvariantCulture, out var weight))
            {
                errors.Add(new($"variants[{i}].weight", $"'{value}' is not a whole number"));
            }

            return new Variant(v.Label, v.DestinationUrl, weight);
        }).ToList();
        errors.AddRange(weights.Keys.Where(label => link.Variants.All(v => v.Label != label))
            .Select(label => new KlinkyFieldError("weight", $"the link has no variant '{label}' (it has {string.Join(", ", link.Variants.Select(v => v.Label))})")));
        errors.AddRange(LinkValidator.ValidateVariants(reweighted));
        if (Validate(errors, Id))
        {
            Send(reweighted);
        }
    }

    protected override string? ParameterOfField(string field) =>
        ParameterSetName == WeightSet && (field.StartsWith("variants", StringComparison.Ordinal) || field == "weight") ? nameof(Weight) : base.ParameterOfField(field);

    private void Send(IReadOnlyList<Variant> variants)
    {
        if (TryRun((client, ct) => client.Links.ReplaceVariantsAsync(Id, variants, ct), Id, out var link))
        {
            SeenLinks.Remember(link);
            if (PassThru)
            {
                WriteObject(link);
            }
        }
    }
}
