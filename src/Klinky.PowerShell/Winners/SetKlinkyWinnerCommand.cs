using System.Management.Automation;
using Klinky.Links;
using Klinky.PowerShell.Completion;

namespace Klinky.PowerShell.Winners;

/// <summary>Set-KlinkyWinner: declares a winner; from then on every visitor of the link goes to that variant.</summary>
[Cmdlet(VerbsCommon.Set, "KlinkyWinner", HelpUri = HelpLinks.Page + "#set-klinkywinner", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(Link))]
public sealed class SetKlinkyWinnerCommand : KlinkyCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("LinkId")]
    [ArgumentCompleter(typeof(LinkIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string Id { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Label { get; set; } = "";

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        var whatIf = LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference", false))
            || (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value) && LanguagePrimitives.IsTrue(value));
        if (!(Force && !whatIf) && !ShouldProcess(Id, $"Declare '{Label}' the winner: all traffic goes to it"))
        {
            return;
        }

        if (TryRun((client, ct) => client.Winner.DeclareAsync(Id, Label, ct), Id, out var link))
        {
            WriteLink(link);
        }
    }
}
