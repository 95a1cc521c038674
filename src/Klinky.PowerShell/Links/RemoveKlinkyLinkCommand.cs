using System.Management.Automation;
using Klinky.PowerShell.Completion;

namespace Klinky.PowerShell.Links;

/// <summary>Remove-KlinkyLink: soft delete (the link stops redirecting and leaves listings). Asks first unless -Force.</summary>
[Cmdlet(VerbsCommon.Remove, "KlinkyLink", HelpUri = HelpLinks.Page + "#remove-klinkylink", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveKlinkyLinkCommand : KlinkyCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("LinkId")]
    [ArgumentCompleter(typeof(LinkIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    /// <summary>Only used to name the link in the confirmation prompt and -WhatIf message.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Slug { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        var target = string.IsNullOrEmpty(Slug) ? Id : $"{Slug} ({Id})";
        // -Force skips the prompt, never -WhatIf: ShouldProcess still runs whenever -WhatIf is on.
        var whatIf = LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference", false))
            || (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value) && LanguagePrimitives.IsTrue(value));
        var proceed = Force && !whatIf ? true : ShouldProcess(target, "Remove Klinky link");
        if (!proceed)
        {
            return;
        }

        if (TryRun(async (client, ct) => { await client.Links.DeleteAsync(Id, ct).ConfigureAwait(false); return true; }, target, out _))
        {
            SeenLinks.Forget(Id);
        }
    }
}
