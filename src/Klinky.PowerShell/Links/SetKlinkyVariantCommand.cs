using System.Collections;
using System.Globalization;
using System.Management.Automation;
using Klinky.Links;
using Klinky.PowerShell.Completion;
using Klinky.PowerShell.Targets;
using Klinky.Validation;

namespace Klinky.PowerShell.Links;

/// <summary>Set-KlinkyVariant: replaces a link's variants (-Variant), or re-weights the ones it has (-Weight @{control=70; variant_b=30}).</summary>
[Cmdlet(VerbsCommon.Set, "KlinkyVariant", HelpUri = HelpLinks.Page + "#set-klinkyvariant", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ReplaceSet)]
[OutputType(typeof(Link))]
public sealed class SetKlinkyVariantCommand : KlinkyCmdlet
{
    // Two ways to name the link times two changes: four parameter sets.
    private const string ReplaceSet = "Replace";
    private const string WeightSet = "Weight";
    private const string ReplaceBySlugSet = "ReplaceBySlug";
    private const string WeightBySlugSet = "WeightBySlug";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = ReplaceSet)]
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = WeightSet)]
    [Alias("LinkId")]
    [ArgumentCompleter(typeof(LinkIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    [Parameter(Mandatory = true, ParameterSetName = ReplaceBySlugSet)]
    [Parameter(Mandatory = true, ParameterSetName = WeightBySlugSet)]
    [ArgumentCompleter(typeof(LinkSlugCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string Slug { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ReplaceSet)]
    [Parameter(Mandatory = true, Position = 1, ParameterSetName = ReplaceBySlugSet)]
    [Alias("Variants")]
    public object[] Variant { get; set; } = Array.Empty<object>();

    /// <summary>New weights by label; labels not named keep their weight.</summary>
    [Parameter(Mandatory = true, ParameterSetName = WeightSet)]
    [Parameter(Mandatory = true, ParameterSetName = WeightBySlugSet)]
    public Hashtable Weight { get; set; } = new();

    private bool BySlug => ParameterSetName is ReplaceBySlugSet or WeightBySlugSet;

    private bool Replacing => ParameterSetName is ReplaceSet or ReplaceBySlugSet;

    private string Named => BySlug ? Slug : Id;

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (Replacing)
        {
            if (!VariantArguments.TryRead(Variant, out var variants, out var error))
            {
                Validate(new[] { error! }, Named);
                return;
            }

            if (!Validate(LinkValidator.ValidateVariants(variants), Named))
            {
                return;
            }

            foreach (var target in LinkTargets.Of(this, BySlug, new[] { Id }, new[] { Slug }))
            {
                if (ShouldProcess(target.Shown, $"Replace variants with {VariantSpec.Format(variants)}"))
                {
                    Send(target, variants);
                }
            }

            return;
        }

        var weights = Weight.Cast<DictionaryEntry>().ToDictionary(e => Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "", e => e.Value, StringComparer.Ordinal);
        foreach (var target in LinkTargets.Of(this, BySlug, new[] { Id }, new[] { Slug }))
        {
            Reweight(target, weights);
        }
    }

    private void Reweight(LinkTarget target, Dictionary<string, object> weights)
    {
        // Asked before reading the link, so that -WhatIf by -Id spends no request at all.
        if (!ShouldProcess(target.Shown, "Re-weight variants: " + string.Join(", ", weights.Select(w => $"{w.Key}={w.Value}"))))
        {
            return;
        }

        // A read and a replacement: two requests.
        LookBeforeSpending();
        if (!TryRun((client, ct) => client.Links.GetAsync(target.Id, ct), target.Id, out var link))
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
        if (Validate(errors, target.Shown))
        {
            Send(target, reweighted);
        }
    }

    protected override string? ParameterOfField(string field) =>
        !Replacing && (field.StartsWith("variants", StringComparison.Ordinal) || field == "weight") ? nameof(Weight) : base.ParameterOfField(field);

    private void Send(LinkTarget target, IReadOnlyList<Variant> variants)
    {
        if (TryRun((client, ct) => client.Links.ReplaceVariantsAsync(target.Id, variants, ct), target.Id, out var link))
        {
            SeenLinks.Remember(link);
            if (PassThru)
            {
                WriteObject(link);
            }
        }
    }
}
