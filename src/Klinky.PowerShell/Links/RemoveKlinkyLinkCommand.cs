using System.Management.Automation;
using Klinky.PowerShell.Completion;
using Klinky.PowerShell.Targets;

namespace Klinky.PowerShell.Links;

/// <summary>Remove-KlinkyLink: soft delete (the link stops redirecting and leaves listings). Asks first unless -Force.</summary>
[Cmdlet(VerbsCommon.Remove, "KlinkyLink", HelpUri = HelpLinks.Page + "#remove-klinkylink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = LinkTargets.IdSet)]
[OutputType(typeof(void))]
public sealed class RemoveKlinkyLinkCommand : KlinkyCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, ParameterSetName = LinkTargets.IdSet)]
    [Alias("LinkId")]
    [ArgumentCompleter(typeof(LinkIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    // A piped link is named by its slug in the prompt from what this session saw (Get-KlinkyLink remembers it): a -Slug
    // bound from the pipeline as well would make a call with -Slug alone ambiguous between the two parameter sets.
    [Parameter(Mandatory = true, ParameterSetName = LinkTargets.SlugSet)]
    [ArgumentCompleter(typeof(LinkSlugCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string Slug { get; set; } = "";

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == LinkTargets.IdSet)
        {
            if (LinkTargets.CheckId(this, Id))
            {
                Remove(Id, SeenLinks.Find(Id) is { } seen ? $"{seen.Slug} ({Id})" : Id);
            }

            return;
        }

        foreach (var link in LinkTargets.Find(this, Slug, useSeen: true))
        {
            Remove(link.Id, $"{link.Slug} ({link.Id})");
        }
    }

    private void Remove(string id, string shown)
    {
        // -Force skips the prompt, never -WhatIf: ShouldProcess still runs whenever -WhatIf is on.
        var whatIf = LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference", false))
            || (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value) && LanguagePrimitives.IsTrue(value));
        var proceed = Force && !whatIf ? true : ShouldProcess(shown, "Remove Klinky link");
        if (!proceed)
        {
            return;
        }

        if (TryRun(async (client, ct) => { await client.Links.DeleteAsync(id, ct).ConfigureAwait(false); return true; }, id, out _))
        {
            SeenLinks.Forget(id);
        }
    }
}
