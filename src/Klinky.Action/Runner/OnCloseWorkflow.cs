using Klinky.Action.Links;
using Klinky.Publishing.GitHub;
using Klinky.Reporting;

namespace Klinky.Action.Runner;

/// <summary>
/// The on-close workflow: a closed pull request's links are deactivated or deleted (<c>on-close</c>), and its report
/// comment keeps its last numbers with a note of what was done, edited in place.
/// </summary>
internal sealed class OnCloseWorkflow
{
    private readonly ActionRun _run;

    public OnCloseWorkflow(ActionRun run) => _run = run;

    public async Task<int> RunAsync(GitHubReporter? reporter, Task<TargetLookup>? target, CancellationToken cancellationToken)
    {
        var (inputs, log) = (_run.Inputs, _run.Log);

        // The closed pull request's links, found as for a report (one listing page per 100 links), without their stats.
        var resolution = await new LinkResolver(_run.Klinky).ResolveAsync(inputs, _run.Environment.WorkingDirectory, _run.PullRequestNumber, cancellationToken);
        foreach (var warning in resolution.Warnings)
        {
            log.Warning(warning, "Klinky");
        }

        var retired = await new LinkRetirer(_run.Klinky).RetireAsync(resolution.Targets, inputs.OnClose, cancellationToken);

        // A slug the listing no longer has was deleted before (an earlier run of this close event, say).
        retired = retired with { NotFound = resolution.NotFound.Concat(retired.NotFound).ToList() };
        var note = retired.Markdown(_run.Context.RunUrl);
        log.Info($"Klinky: pull request closed; {retired.Changed.Count} link(s) {retired.Verb}, {retired.AlreadyOff.Count} already off, {retired.NotFound.Count} already gone, with {_run.Klinky.RequestsSent} request(s).");
        _run.Commands.SetOutput("closed-links", Serialization.KlinkyJson.Serialize(retired.Changed));
        if (inputs.JobSummary)
        {
            _run.Commands.AppendSummary(note + "\n");
        }

        return reporter is null || target is null
            ? ExitCodes.Success
            : await reporter.UpdateInPlaceAsync(await target, body => ClosedReport.Body(body, MarkdownReport.Marker(inputs.CommentKey), note), cancellationToken);
    }
}
