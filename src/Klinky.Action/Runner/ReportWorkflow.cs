using Klinky.Action.Links;
using Klinky.Action.Reports;
using Klinky.Publishing.GitHub;
using Klinky.RateLimits;
using Klinky.Reporting;
using Klinky.Stats;

namespace Klinky.Action.Runner;

/// <summary>
/// The report workflow: plan the run to fit the key's hourly budget (<see cref="ReportRefresh"/>: fresh stats through
/// Klinky.Core, or the comment's saved figures), render Core's report with its saved data, write the outputs and the job
/// summary with what was spent, then publish the comment (and the gate's status) through the publishing layer.
/// </summary>
internal sealed class ReportWorkflow
{
    /// <summary>GitHub's limit for one step's job summary (1 MiB); the report stays far below it in practice.</summary>
    public const int SummaryMaxLength = 1_000_000;

    private readonly ActionRun _run;

    public ReportWorkflow(ActionRun run) => _run = run;

    public async Task<int> RunAsync(PullRequestRef? pullRequest, GitHubReporter? reporter, Task<TargetLookup>? target, CancellationToken cancellationToken)
    {
        var (inputs, context) = (_run.Inputs, _run.Context);

        // What to report, from the workspace (the build's manifests), and the free budget read run while GitHub answers.
        // The saved figures come only from the report the publishing layer found (our marker, our author), then the
        // key's signature: nothing else of a public, editable comment is read. They decide what is spent on Klinky.
        var selection = LinkResolver.Select(inputs, _run.Environment.WorkingDirectory, _run.PullRequestNumber);
        var saved = SavedReports.ReadAsync(target, inputs.ApiKey, _run.Time.GetUtcNow(), _run.Log);
        var refresh = await new ReportRefresh(_run.Klinky, inputs, _run.Time)
            .RunAsync(saved, forced: context.EventName == "workflow_dispatch", selection, _run.PullRequestNumber, cancellationToken);
        var budget = new BudgetReport(_run.Klinky, inputs, _run.Log, _run.Commands);
        if (refresh.NothingToShow)
        {
            return budget.NothingToShow(refresh);
        }

        var report = BuildReport(pullRequest, refresh);
        if (report is null)
        {
            return ExitCodes.Failure;
        }

        WriteOutputs(report);
        budget.WriteOutputs(refresh);
        if (_run.PrintsReport)
        {
            _run.Environment.Out.Write(report.Summary);
            return ExitCodes.Success;
        }

        if (inputs.JobSummary)
        {
            _run.Commands.AppendSummary(report.Summary + budget.SummaryLine());
        }

        if (reporter is null || target is null)
        {
            if (pullRequest is null)
            {
                _run.Log.Notice("No pull request in this run's context (event '" + (context.EventName ?? "unknown") + "'), so no comment was posted; the report is in the job summary. Set 'pr-number' to comment from workflow_run, push or workflow_dispatch.", "Klinky report");
            }

            return budget.ExitCode(refresh, ExitCodes.Success);
        }

        return budget.ExitCode(refresh, await reporter.PublishAsync(await target, report, cancellationToken));
    }

    private ReportBuild? BuildReport(PullRequestRef? pullRequest, RefreshResult refresh)
    {
        var (inputs, log, klinky, context) = (_run.Inputs, _run.Log, _run.Klinky, _run.Context);
        var resolution = refresh.Resolution ?? new LinkResolution(Array.Empty<LinkTarget>(), Array.Empty<string>(), Array.Empty<string>(), false);
        var fetched = refresh.Fetched ?? new StatsFetchResult(Array.Empty<LinkStats>(), Array.Empty<string>(), false, 0);
        var shown = refresh.Stats;
        var notFound = resolution.NotFound.Concat(fetched.NotFound).ToList();
        if (shown.Count == 0 && notFound.Count > 0)
        {
            log.Error($"Klinky link{(notFound.Count == 1 ? "" : "s")} not found: {string.Join(", ", notFound)}. Check the 'links' and 'manifest' inputs and the API key's workspace.", "Klinky");
            return null;
        }

        var notes = refresh.Notes.ToList();
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
        if (shown.Count == 0 && resolution.Warnings.Count == 0)
        {
            log.Warning("No Klinky links to report: nothing matched the links, slug-prefix and manifest inputs.", "Klinky");
            notes.Add("No Klinky links matched this run's inputs.");
        }

        log.Info($"Klinky: {shown.Count} link(s) reported, {refresh.Refreshed} refreshed and {refresh.FromSaved} from saved figures (the report comment's, or a new link's at its creation); {RequestBudget.Describe(klinky.RequestsSent, klinky.RateLimit)}.");
        MarkdownReportOptions Options(string? commentKey, int maxLength) => new()
        {
            Chart = inputs.Chart,
            CommentKey = commentKey,
            Commit = context.Commit,
            RunUrl = context.RunUrl,
            Notes = notes,
            FiguresAsOf = refresh.FiguresAsOf,
            MaxLength = maxLength,
        };

        // The summary has no marker and no saved data: only the comment is found and read again.
        var data = ReportData.Write(new SavedReport(refresh.Saved), inputs.ApiKey);
        var comment = ReportData.Append(MarkdownReport.Render(shown, Options(inputs.CommentKey, MarkdownReportOptions.GitHubCommentLimit - ReportData.Room(data))), data);
        var summary = MarkdownReport.Render(shown, Options(null, SummaryMaxLength));
        var document = ReportDocument.Create(shown, inputs.CommentKey, pullRequest?.Number, context.Commit, context.RunUrl, notFound, klinky.RequestsSent);
        return new ReportBuild(shown, comment, summary, document);
    }

    private void WriteOutputs(ReportBuild report)
    {
        var path = ReportFileWriter.Write(report.Document, _run.Environment);
        _run.Commands.SetOutput("report-path", path);
        _run.Commands.SetOutput("significant", report.Document.Significant ? "true" : "false");
        _run.Commands.SetOutput("winners", Serialization.KlinkyJson.Serialize(report.Document.Winners));
    }
}
