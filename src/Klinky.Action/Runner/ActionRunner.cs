using Klinky.Action.Inputs;
using Klinky.Ci;
using Klinky.Publishing;
using Klinky.Publishing.GitHub;

namespace Klinky.Action.Runner;

/// <summary>
/// One run of the action: mask the secrets, parse the inputs, read the run's context, start GitHub's reads, then hand
/// over to one workflow: <see cref="ReportWorkflow"/> or, for a closed pull request, <see cref="OnCloseWorkflow"/>.
/// </summary>
internal sealed class ActionRunner
{
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
        // The pr-number input wins over the event's own pull request.
        var pullRequest = PullRequestRef.For(context.Repository, inputs.PullRequestNumber ?? context.PullRequestNumber);
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

        // GitHub's reads do not depend on the report: overlap them with Klinky's requests. The lookup returns GitHub's
        // failures as values, and is awaited before the run ends whatever happens, so no task outlives the run.
        var reporter = commenting && (pullRequest is not null || lookUpCommit) ? CreateReporter(inputs, context) : null;
        var target = reporter?.FindTargetAsync(pullRequest, lookUpCommit, cancellationToken);
        var run = new ActionRun(_environment, inputs, context, klinky, _log, _commands, _time, PrintsReport);
        try
        {
            return closing
                ? await new OnCloseWorkflow(run).RunAsync(reporter, target, cancellationToken)
                : await new ReportWorkflow(run).RunAsync(pullRequest, reporter, target, cancellationToken);
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
        finally
        {
            if (target is not null)
            {
                await target;
            }
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
                UserAgent = ActionVersion.UserAgent,
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
        var github = GitHubClientFactory.Create(apiUrl, inputs.GitHubToken!, ActionVersion.UserAgent,
            inner => new GitHubRateLimitHandler(inputs.GitHubRateLimitWait, _time, message => _log.Warning(message, "GitHub rate limit"), inner));
        var minimizer = new CommentMinimizer(github.Connection, CommentMinimizer.GraphQlUrl(_environment.Get("GITHUB_GRAPHQL_URL"), apiUrl));
        return new GitHubReporter(github, minimizer, inputs, context, _log, _commands, _time);
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

}
