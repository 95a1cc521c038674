using System.Globalization;
using Klinky.Action.Inputs;
using Klinky.Action.Reports;
using Klinky.RateLimits;

namespace Klinky.Action.Runner;

/// <summary>
/// Where the hour went, in the action's words: the outputs <c>klinky-requests</c> and <c>klinky-budget-left</c>, the job
/// summary's last line, and the notice (or, with <c>fail-on-stale</c>, the error) of a run that refreshed nothing.
/// </summary>
internal sealed class BudgetReport
{
    private readonly KlinkyClient _klinky;
    private readonly ActionInputs _inputs;
    private readonly ActionLog _log;
    private readonly GitHubFileCommands _commands;

    public BudgetReport(KlinkyClient klinky, ActionInputs inputs, ActionLog log, GitHubFileCommands commands)
    {
        _klinky = klinky;
        _inputs = inputs;
        _log = log;
        _commands = commands;
    }

    public void WriteOutputs(RefreshResult refresh)
    {
        _commands.SetOutput("klinky-requests", _klinky.RequestsSent.ToString(CultureInfo.InvariantCulture));
        var left = _klinky.RateLimit ?? refresh.Spent;
        _commands.SetOutput("klinky-budget-left", left?.Remaining.ToString(CultureInfo.InvariantCulture) ?? "");
    }

    /// <summary>The job summary's last line: what this run spent and what is left.</summary>
    public string SummaryLine() => "\n<sub>Klinky: " + RequestBudget.Describe(_klinky.RequestsSent, _klinky.RateLimit) + ".</sub>\n";

    /// <summary>The budget is spent and the comment has nothing saved: nothing to show, and nothing spent to learn it.</summary>
    public int NothingToShow(RefreshResult refresh)
    {
        WriteOutputs(refresh);
        if (_inputs.JobSummary)
        {
            _commands.AppendSummary("Klinky: " + Why(refresh) + " No report this time." + SummaryLine());
        }

        return Stale(Why(refresh) + " There are no saved figures to show, so the report was not updated.");
    }

    /// <summary>The run's exit code once published: a run that refreshed nothing is a notice, or a failure with fail-on-stale.</summary>
    public int ExitCode(RefreshResult refresh, int published) =>
        refresh.Stale && !refresh.NothingToShow ? Math.Max(published, Stale(Why(refresh) + " The report shows its saved figures.")) : published;

    private int Stale(string message)
    {
        if (_inputs.FailOnStale)
        {
            _log.Error(message + " (fail-on-stale is true.)", "Klinky figures not refreshed");
            return ExitCodes.Failure;
        }

        _log.Notice(message, "Klinky figures not refreshed");
        return ExitCodes.Success;
    }

    private string Why(RefreshResult refresh) => refresh.Spent is { } budget
        ? $"Klinky's hourly budget is spent until {ResetTime.Clock(budget.ResetsAt)} ({budget.Remaining} of {budget.Limit} left; the report leaves the last {_inputs.BudgetReserve} to builds)."
        : "No Klinky figures could be refreshed.";
}
