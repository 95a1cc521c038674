using System.Management.Automation;
using Klinky.PowerShell.Hosting;

namespace Klinky.PowerShell.Connection;

/// <summary>Disconnect-Klinky: forgets the key given to Connect-Klinky (the environment variables then serve again).</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Klinky", HelpUri = HelpLinks.Page + "#disconnect-klinky")]
[OutputType(typeof(void))]
public sealed class DisconnectKlinkyCommand : PSCmdlet
{
    protected override void ProcessRecord()
    {
        if (!KlinkySessionState.Disconnect())
        {
            WriteVerbose("Not connected with Connect-Klinky; nothing to disconnect.");
        }
    }
}
