using System.Management.Automation;
using Klinky.RateLimits;

namespace Klinky.PowerShell.RateLimits;

/// <summary>Get-KlinkyRateLimit: the request budget left, from the last answer's headers (no request) or, with -Refresh, from the API.</summary>
[Cmdlet(VerbsCommon.Get, "KlinkyRateLimit", HelpUri = HelpLinks.Page + "#get-klinkyratelimit")]
[OutputType(typeof(RateLimitState))]
public sealed class GetKlinkyRateLimitCommand : KlinkyCmdlet
{
    /// <summary>Asks the API even when an earlier answer already told the budget.</summary>
    [Parameter]
    public SwitchParameter Refresh { get; set; }

    protected override void ProcessRecord()
    {
        if (!Refresh && Client.RateLimit is { } known)
        {
            WriteObject(known);
            return;
        }

        if (TryRun((client, ct) => client.RateLimits.GetAsync(ct), null, out var state))
        {
            WriteObject(state);
        }
    }
}
