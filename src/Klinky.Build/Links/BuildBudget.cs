using Klinky.Build.Diagnostics;
using Klinky.RateLimits;

namespace Klinky.Build.Links;

/// <summary>
/// The build's side of the shared budget: it looks before it spends (the read is free) and may spend the reserve that
/// reports leave it, since creating the preview link is what the pull request needs. The rule itself is Core's
/// <see cref="RequestBudget"/>.
/// </summary>
internal static class BuildBudget
{
    /// <summary>
    /// True when the build may send; false after one diagnostic saying when the budget resets, having spent nothing,
    /// when even the reserve is spent and the reset is further away than the build would wait.
    /// </summary>
    public static async Task<bool> CheckAsync(KlinkyClient client, TaskDiagnostics diagnostics, IReadOnlyList<PreviewLinkDefinition> definitions, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        RateLimitState? state;
        try
        {
            state = await RequestBudget.ReadAsync(client, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The build's timeout (or Ctrl+C) ran out while looking: the links' own requests report it, each with its slug.
            return true;
        }

        var now = DateTimeOffset.UtcNow;
        if (state is null || RequestBudget.Allowance(state, BudgetRole.Build, reserve: 0, now) > 0 || state.ResetsAt - now <= maxWait)
        {
            return true;
        }

        FailureReporter.BudgetSpent(diagnostics, definitions.Select(d => d.Slug), state.ResetsAt);
        ReportSpent(client, diagnostics);
        return false;
    }

    /// <summary>The build's one line of what it spent and what is left (shown at normal verbosity).</summary>
    public static void ReportSpent(KlinkyClient client, TaskDiagnostics diagnostics) =>
        diagnostics.Summary("Klinky: " + RequestBudget.Describe(client.RequestsSent, client.RateLimit));
}
