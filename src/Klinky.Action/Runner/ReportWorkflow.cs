using Klinky.Action.Links;
using Klinky.Action.Reports;
using Klinky.Publishing.GitHub;
using Klinky.Reporting;

namespace Klinky.Action.Runner;

/// <summary>
/// The report workflow: fetch the links' stats through Klinky.Core, render Core's report, write the outputs and the
/// job summary, then publish the comment (and the gate's status) through the publishing layer.
/// </summary>
internal sealed class ReportWorkflow
{
    /// <summary>GitHub's limit for one step's job summary (1 MiB); the report stays far below it in practice.</summary>
    public const int SummaryMaxLength = 1_000_000;

    private readonly ActionRun _run;

    public ReportWorkflow(ActionRun run) => _run = run;

    public async Task<int> RunAsync(PullRequestRef? pullRequest, GitHubReporter? reporter, Task<TargetLookup>? target, CancellationToken cancellationToken)
    {
        var report = await BuildReportAsync(pullRequest, cancellationToken);
        if (report is null)
        {
            return ExitCodes.Failure;
        }

        WriteOutputs(report);
        if (_run.PrintsReport)
        {
            _run.Environment.Out.Write(report.Summary);
            return ExitCodes.Success;
        }

        if (_run.Inputs.JobSummary)
        {
            _run.Commands.AppendSummary(report.Summary);
        }

        if (reporter is null || target is null)
        {
            if (pullRequest is null)
            {
                _run.Log.Notice("No pull request in this run's context (event '" + (_run.Context.EventName ?? "unknown") + "'), so no comment was posted; the report is in the job summary. Set 'pr-number' to comment from workflow_run, push or workflow_dispatch.", "Klinky report");
            }

            return ExitCodes.Success;
        }

        return await reporter.PublishAsync(await target, report, cancellationToken);
    }

    private async Task<ReportBuild?> BuildReportAsync(PullRequestRef? pullRequest, CancellationToken cancellationToken)
    {
        var (inputs, log, klinky, context, time) = (_run.Inputs, _run.Log, _run.Klinky, _run.Context, _run.Time);
        var started = time.GetTimestamp();
        var resolution = await new LinkResolver(klinky).ResolveAsync(inputs, _run.Environment.WorkingDirectory, _run.PullRequestNumber, cancellationToken);
        var fetched = await new StatsFetcher(klinky).FetchAsync(resolution.Targets, cancellationToken);
        var notFound = resolution.NotFound.Concat(fetched.NotFound).ToList();
        if (fetched.Stats.Count == 0 && notFound.Count > 0)
        {
            log.Error($"Klinky link{(notFound.Count == 1 ? "" : "s")} not found: {string.Join(", ", notFound)}. Check the 'links' and 'manifest' inputs and the API key's workspace.", "Klinky");
            return null;
        }

        var notes = new List<string>();
        foreach (var missing in notFound)
        {
            log.Warning($"Klinky link '{missing}' was not found; the other links are still reported.", "Klinky");
            notes.Add($"Link '{missing}' was not found.");
        }

        foreach (var warning in resolution.Warnings)
        {
            log.Warning(warning, "Klinky");
            notes.Add(warning);
        }

        if (fetched.UsedClicksFallback)
        {
            var message = $"The Klinky server has no stats route: stats were computed from the clicks export ({fetched.FallbackRequests} requests).";
            log.Warning(message, "Klinky");
            notes.Add(message);
        }

        // The resolver's warnings already say what was looked for; this covers what they do not (say, an empty manifest).
        if (fetched.Stats.Count == 0 && resolution.Warnings.Count == 0)
        {
            log.Warning("No Klinky links to report: nothing matched the links, slug-prefix and manifest inputs.", "Klinky");
            notes.Add("No Klinky links matched this run's inputs.");
        }

        log.Info($"Klinky: {fetched.Stats.Count} link(s) reported with {klinky.RequestsSent} request(s) in {time.GetElapsedTime(started).TotalMilliseconds:0} ms{(klinky.RateLimit is { } budget ? $"; {budget}" : "")}.");
        MarkdownReportOptions Options(string? commentKey, int maxLength) => new()
        {
            Chart = inputs.Chart,
            CommentKey = commentKey,
            Commit = context.Commit,
            RunUrl = context.RunUrl,
            Notes = notes,
            MaxLength = maxLength,
        };

        // The summary has no marker: only the comment needs finding again.
        var comment = MarkdownReport.Render(fetched.Stats, Options(inputs.CommentKey, MarkdownReportOptions.GitHubCommentLimit));
        var summary = MarkdownReport.Render(fetched.Stats, Options(null, SummaryMaxLength));
        var document = ReportDocument.Create(fetched.Stats, inputs.CommentKey, pullRequest?.Number, context.Commit, context.RunUrl, notFound, klinky.RequestsSent);
        return new ReportBuild(fetched.Stats, comment, summary, document);
    }

    private void WriteOutputs(ReportBuild report)
    {
        var path = ReportFileWriter.Write(report.Document, _run.Environment);
        _run.Commands.SetOutput("report-path", path);
        _run.Commands.SetOutput("significant", report.Document.Significant ? "true" : "false");
        _run.Commands.SetOutput("winners", Serialization.KlinkyJson.Serialize(report.Document.Winners));
    }
}
