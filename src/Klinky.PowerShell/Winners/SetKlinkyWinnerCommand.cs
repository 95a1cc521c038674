using System.Management.Automation;
using Klinky.Links;
using Klinky.PowerShell.Completion;
using Klinky.PowerShell.Targets;
using Klinky.Reporting;
using Klinky.Stats;

namespace Klinky.PowerShell.Winners;

/// <summary>
/// Set-KlinkyWinner: declares a winner; from then on every visitor of the link goes to that variant. Only the winner the
/// always-valid test recommends is declared without -Force: anything else is refused with the verdict as the reason.
/// The check reads the stats piped from Get-KlinkyStats (no request), else asks for them (one request); -Force skips it.
/// </summary>
[Cmdlet(VerbsCommon.Set, "KlinkyWinner", HelpUri = HelpLinks.Page + "#set-klinkywinner", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = LinkTargets.IdSet)]
[OutputType(typeof(Link))]
public sealed class SetKlinkyWinnerCommand : KlinkyCmdlet
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

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Label { get; set; } = "";

    /// <summary>The link's stats, bound from a Get-KlinkyStats row: the significance check then costs no request.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    public LinkStats? Stats { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        var whatIf = LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference", false))
            || (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value) && LanguagePrimitives.IsTrue(value));
        foreach (var target in LinkTargets.Of(this, ParameterSetName == LinkTargets.SlugSet, new[] { Id }, new[] { Slug }))
        {
            // -WhatIf sends nothing: it checks only stats it was given.
            var stats = Stats is not null && string.Equals(Stats.LinkId, target.Id, StringComparison.Ordinal) ? Stats : null;
            if (!Force && (!whatIf || stats is not null) && !IsRecommended(target, stats))
            {
                continue;
            }

            if (!(Force && !whatIf) && !ShouldProcess(target.Shown, $"Declare '{Label}' the winner: all traffic goes to it"))
            {
                continue;
            }

            if (TryRun((client, ct) => client.Winner.DeclareAsync(target.Id, Label, ct), target.Id, out var link))
            {
                WriteLink(link);
            }
        }
    }

    // True when the always-valid test recommends this label; else writes why not and how to declare it anyway.
    private bool IsRecommended(LinkTarget target, LinkStats? stats)
    {
        if (stats is null && !TryRun((client, ct) => target.Link is null ? client.Stats.GetAsync(target.Id, null, ct) : client.Stats.GetAsync(target.Link, null, ct), target.Id, out stats))
        {
            return false;
        }

        if (stats!.Status == StatsStatus.Significant && string.Equals(stats.RecommendedWinner, Label, StringComparison.Ordinal))
        {
            return true;
        }

        var reason = stats.Status == StatsStatus.Significant && stats.RecommendedWinner is not null
            ? $"the test recommends '{stats.RecommendedWinner}', not '{Label}'"
            : "the test has no significant result";
        var hint = $"Add -Force to declare '{Label}' anyway (every visitor then goes to it).";
        var message = $"{target.Shown}: '{Label}' was not declared the winner: {reason}. {VerdictText.For(stats)} {hint}";
        WriteError(new ErrorRecord(new InvalidOperationException(message), Errors.KlinkyErrorIds.NotSignificant, ErrorCategory.InvalidOperation, target.Shown)
        {
            ErrorDetails = new ErrorDetails(message) { RecommendedAction = hint },
        });
        return false;
    }
}
