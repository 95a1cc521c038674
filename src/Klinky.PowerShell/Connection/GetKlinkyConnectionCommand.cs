using System.Management.Automation;
using Klinky.PowerShell.Hosting;

namespace Klinky.PowerShell.Connection;

/// <summary>Get-KlinkyConnection: the connection the Klinky cmdlets use now (never the key itself).</summary>
[Cmdlet(VerbsCommon.Get, "KlinkyConnection", HelpUri = HelpLinks.Page + "#get-klinkyconnection")]
[OutputType(typeof(KlinkyConnection))]
public sealed class GetKlinkyConnectionCommand : PSCmdlet
{
    protected override void ProcessRecord()
    {
        if (KlinkySessionState.Current is { } connection)
        {
            WriteObject(connection);
        }
    }
}
