using Klinky.Action.Comments;
using Klinky.Action.Inputs;
using Klinky.Action.Links;
using Klinky.Action.Reports;
using Klinky.Ci;
using Klinky.RateLimits;
using Klinky.Reporting;
using Klinky.Stats;

namespace Klinky.Action.Runner;

/// <summary>
/// One run of the action: mask the secrets, parse the inputs, read the run's context, fetch stats through Klinky.Core,
/// render with Core's report, then write outputs, the job summary and the pull request comment.
/// </summary>
internal sealed class ActionRunner
{
    /// <summary>GitHub's limit for one step's job summary (1 MiB); the report stays far below it in practice.</summary>
    public const int SummaryMaxLength = 1_000_000;

    private readonly ActionEnvironment _environment;
    private readonly TimeProvider _time;
    private readonly SecretRedactor _redactor = new();
    private readonly GitHubFileCommands _commands;
    private readonly ActionLog _log;

    public ActionRunner(ActionEnvironment environment, TimeProvider? time = null)
    {
        _environment = environment ?? throw new ArgumentNullException(nameof(environment));
        _time = time ?? TimeProvider.System;
        _commands = new GitHubFileCommands(environment.Out, environment.Get("GITHUB_OUTPUT"), environment.Get("GITHUB_STEP_SUMMARY"));
        _log = new ActionLog(_commands, _redactor, PrintsReport ? environment.Error : environment.Out, environment.OnGitHub);
    }

    /// <summary>Outside GitHub, or with <c>--dry-run</c>, the report goes to stdout and nothing is posted.</summary>
    private bool PrintsReport => _environment.DryRun || !_environment.OnGitHub;

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await RunCoreAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The exit-code contract holds for the unexpected too (an unwritable output file, a GitHub timeout while
            // reading): one redacted annotation and exit 1, never a stack trace.
            _log.Error($"The Klinky action failed: {ex.GetType().Name}: {ex.Message}", "Klinky");
            return ExitCodes.Failure;
        }
    }

    private async Task<int> RunCoreAsync(CancellationToken cancellationToken)
    {
        MaskSecrets();
        ActionInputs inputs;
        try
        {
            inputs = ActionInputsParser.Parse(_environment.Variables);
        }
        catch (ActionInputException ex)
        {
            _log.Error(ex.Message, "Invalid input");
            return ExitCodes.InvalidInput;
        }

        var context = CiContextReader.Read(_environment.Variables);
        var pullRequest = PullRequestRef.FromContext(context, inputs.PullRequestNumber);
        var commenting = !PrintsReport && inputs.CommentMode != CommentMode.Off;
        if (commenting && pullRequest is not null && inputs.GitHubToken is null)
        {
            _log.Error("Input 'github-token' is empty, so the report cannot be posted: leave it at its default (${{ github.token }}) or set comment-mode: off.", "Invalid input");
            return ExitCodes.InvalidInput;
        }

        // Outside a pull request event, the commit's open pull request is asked for (one request) when there is a token.
        var lookUpCommit = commenting && pullRequest is null && inputs.GitHubToken is not null
            && CommitPullRequests.AppliesTo(context.EventName) && context.Commit is not null;
        var closing = !PrintsReport && inputs.OnClose != OnCloseMode.Off && EventPayload.IsPullRequestClosed(context.EventName, _environment.Get("GITHUB_EVENT_PATH"));

        using var klinky = CreateKlinky(inputs);
        if (klinky is null)
        {
            return ExitCodes.InvalidInput;
        }

        // GitHub's reads do not depend on the report: overlap them with Klinky's requests.
        var reporter = commenting && (pullRequest is not null || lookUpCommit) ? CreateReporter(inputs, context) : null;
        var target = reporter?.FindTargetAsync(pullRequest, lookUpCommit, cancellationToken);

        // When the run stops before publishing, a failed read has nothing to report; observe it so it is not left unobserved.
        _ = target?.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

        try
        {
            if (closing)
            {
                var resolution = await ResolveForCloseAsync(klinky, inputs, inputs.PullRequestNumber ?? context.PullRequestNumber, cancellationToken);
                var retired = await new LinkRetirer(klinky).RetireAsync(resolution.Targets, inputs.OnClose, cancellationToken);

                // A slug the listing no longer has was deleted before (an earlier run of this close event, say).
                retired = retired with { NotFound = resolution.NotFound.Concat(retired.NotFound).ToList() };
                return await ReportClosedAsync(retired, klinky, inputs, context, reporter, target, cancellationToken);
            }

            var saved = await SavedReports.ReadAsync(target, inputs.ApiKey, _time.GetUtcNow(), _log);
            var refresh = await new ReportRefresh(klinky, inputs, _time).RunAsync(saved, forced: context.EventName == "workflow_dispatch", _environment.WorkingDirectory, inputs.PullRequestNumber ?? context.PullRequestNumber, cancellationToken);
            var budget = new BudgetReport(klinky, inputs, _log, _commands);
            if (refresh.NothingToShow)
            {
                return budget.NothingToShow(refresh);
            }

            var report = BuildReport(klinky, inputs, context, pullRequest, refresh);
            if (report is null)
            {
                return ExitCodes.Failure;
            }

            WriteOutputs(report);
            budget.WriteOutputs(refresh);
            if (PrintsReport)
            {
                _environment.Out.Write(report.Summary);
                return ExitCodes.Success;
            }

            if (inputs.JobSummary)
            {
                _commands.AppendSummary(report.Summary + budget.SummaryLine());
            }

            if (reporter is null || target is null)
            {
                if (pullRequest is null)
                {
                    _log.Notice("No pull request in this run's context (event '" + (context.EventName ?? "unknown") + "'), so no comment was posted; the report is in the job summary. Set 'pr-number' to comment from workflow_run, push or workflow_dispatch.", "Klinky report");
                }

                return budget.ExitCode(refresh, ExitCodes.Success);
            }

            return budget.ExitCode(refresh, await reporter.PublishAsync(target, report, cancellationToken));
        }
        catch (ActionInputException ex)
        {
            _log.Error(ex.Message, "Invalid input");
            return ExitCodes.InvalidInput;
        }
        catch (KlinkyException ex)
        {
            _log.Error(KlinkyErrorMessages.Describe(ex, _time.GetUtcNow(), inputs.BaseUrl), "Klinky");
            return ExitCodes.Failure;
        }
    }

    /// <summary>
    /// Klinky's client, or null after an annotation when the job's settings cannot make one: a malformed HTTPS_PROXY,
    /// HTTP_PROXY or NO_PROXY is the job's configuration, like an input, and is named as such (exit 2), never by its value.
    /// </summary>
    private KlinkyClient? CreateKlinky(ActionInputs inputs)
    {
        try
        {
            return new KlinkyClient(new KlinkyClientOptions
            {
                BaseUrl = inputs.BaseUrl,
                ApiKey = inputs.ApiKey,
                UserAgent = "Klinky.Action/" + ActionVersion.Current,
                TimeProvider = _time,
            });
        }
        catch (KlinkyValidationException ex)
        {
            _log.Error(ex.Message, "Invalid input");
            return null;
        }
    }

    private GitHubReporter CreateReporter(ActionInputs inputs, CiContext context)
    {
        var apiUrl = context.ApiUrl ?? _environment.Get("GITHUB_API_URL") ?? "https://api.github.com";
        var github = GitHubClientFactory.Create(apiUrl, inputs.GitHubToken!, ActionVersion.Current,
            inner => new GitHubRateLimitHandler(inputs.GitHubRateLimitWait, _time, message => _log.Warning(message, "GitHub rate limit"), inner));
        var minimizer = new CommentMinimizer(github.Connection, CommentMinimizer.GraphQlUrl(_environment.Get("GITHUB_GRAPHQL_URL"), apiUrl));
        return new GitHubReporter(github, minimizer, inputs, context, _log, _commands, _time);
    }

    /// <summary>The closed pull request's links, found as for a report (one listing page per 100 links), without their stats.</summary>
    private async Task<LinkResolution> ResolveForCloseAsync(KlinkyClient klinky, ActionInputs inputs, int? pullRequest, CancellationToken cancellationToken)
    {
        var resolution = await new LinkResolver(klinky).ResolveAsync(inputs, _environment.WorkingDirectory, pullRequest, cancellationToken);
        foreach (var warning in resolution.Warnings)
        {
            _log.Warning(warning, "Klinky");
        }

        return resolution;
    }

    private async Task<int> ReportClosedAsync(RetireResult retired, KlinkyClient klinky, ActionInputs inputs, CiContext context, GitHubReporter? reporter, Task<ReportTarget>? target, CancellationToken cancellationToken)
    {
        var note = retired.Markdown(context.RunUrl);
        _log.Info($"Klinky: pull request closed; {retired.Changed.Count} link(s) {retired.Verb}, {retired.AlreadyOff.Count} already off, {retired.NotFound.Count} already gone, with {klinky.RequestsSent} request(s).");
        _commands.SetOutput("closed-links", Serialization.KlinkyJson.Serialize(retired.Changed));
        if (inputs.JobSummary)
        {
            _commands.AppendSummary(note + "\n");
        }

        return reporter is null || target is null
            ? ExitCodes.Success
            : await reporter.UpdateInPlaceAsync(target, body => ClosedReport.Body(body, MarkdownReport.Marker(inputs.CommentKey), note), cancellationToken);
    }

    private void MaskSecrets()
    {
        foreach (var secret in new[] { ActionInputsParser.Raw(_environment.Variables, "api-key"), ActionInputsParser.Raw(_environment.Variables, "github-token") })
        {
            _redactor.Add(secret);
            if (secret is not null && _environment.OnGitHub)
            {
                _commands.AddMask(secret);
            }
        }
    }

    private ReportBuild? BuildReport(KlinkyClient klinky, ActionInputs inputs, CiContext context, PullRequestRef? pullRequest, RefreshResult refresh)
    {
        var resolution = refresh.Resolution ?? new LinkResolution(Array.Empty<LinkTarget>(), Array.Empty<string>(), Array.Empty<string>(), false);
        var fetched = refresh.Fetched ?? new StatsFetchResult(Array.Empty<LinkStats>(), Array.Empty<string>(), false, 0);
        var shown = refresh.Stats;
        var notFound = resolution.NotFound.Concat(fetched.NotFound).ToList();
        if (shown.Count == 0 && notFound.Count > 0)
        {
            _log.Error($"Klinky link{(notFound.Count == 1 ? "" : "s")} not found: {string.Join(", ", notFound)}. Check the 'links' and 'manifest' inputs and the API key's workspace.", "Klinky");
            return null;
        }

        var notes = refresh.Notes.ToList();
        foreach (var missing in notFound)
        {
            _log.Warning($"Klinky link '{missing}' was not found; the other links are still reported.", "Klinky");
            notes.Add($"Link '{missing}' was not found.");
        }

        foreach (var warning in resolution.Warnings)
        {
            _log.Warning(warning, "Klinky");
            notes.Add(warning);
        }

        if (fetched.UsedClicksFallback)
        {
            var message = $"The Klinky server has no stats route: stats were computed from the clicks export ({fetched.FallbackRequests} requests).";
            _log.Warning(message, "Klinky");
            notes.Add(message);
        }

        if (shown.Count == 0 && resolution.Warnings.Count == 0)
        {
            // The resolver's warnings already say what was looked for; this covers what they do not (say, an empty manifest).
            _log.Warning("No Klinky links to report: nothing matched the links, slug-prefix and manifest inputs.", "Klinky");
            notes.Add("No Klinky links matched this run's inputs.");
        }

        _log.Info($"Klinky: {shown.Count} link(s) reported, {refresh.Refreshed} refreshed and {refresh.FromSaved} from the report comment's saved figures; {RequestBudget.Describe(klinky.RequestsSent, klinky.RateLimit)}.");
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
        var path = ReportFileWriter.Write(report.Document, _environment);
        _commands.SetOutput("report-path", path);
        _commands.SetOutput("significant", report.Document.Significant ? "true" : "false");
        _commands.SetOutput("winners", Serialization.KlinkyJson.Serialize(report.Document.Winners));
    }
}
