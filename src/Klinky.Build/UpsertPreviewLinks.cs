using System.Globalization;
using System.Reflection;
using Klinky.Build.Diagnostics;
using Klinky.Build.GitHub;
using Klinky.Build.Links;
using Klinky.Build.Manifest;
using Klinky.Ci;
using Klinky.Links;
using Klinky.Slugs;
using Microsoft.Build.Framework;

namespace Klinky.Build;

/// <summary>
/// Creates or updates the project's preview links on Klinky (<c>KlinkyPreviewLink</c> and <c>KlinkyVariant</c> items),
/// writes the manifest and, under GitHub Actions, the job summary and step outputs. The API key is read from the
/// environment variable named by <see cref="ApiKeyVariable"/>, never passed as a parameter, so it never reaches a binary log.
/// </summary>
public sealed class UpsertPreviewLinks : Microsoft.Build.Utilities.Task, ICancelableTask
{
    private static readonly string UserAgent = KlinkyUserAgent.ProductToken("Klinky.Build", typeof(UpsertPreviewLinks).Assembly);
    // A build waits a little for a busy service, never half an hour for a spent budget.
    private static readonly TimeSpan MaxBudgetWait = TimeSpan.FromSeconds(10);
    private readonly CancellationTokenSource _cancellation = new();
    private Func<string, string?> _environment = ProcessEnvironment.Get;

    [Required]
    public ITaskItem[] Links { get; set; } = Array.Empty<ITaskItem>();

    public ITaskItem[] Variants { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public string BaseUrl { get; set; } = "";

    /// <summary>Name of the environment variable holding the key (<c>KLINKY_API_KEY</c>), not the key.</summary>
    public string ApiKeyVariable { get; set; } = "KLINKY_API_KEY";

    public string? SlugFormat { get; set; }

    public string? PullRequestNumber { get; set; }

    public string? Branch { get; set; }

    public string? Tag { get; set; }

    public string? Commit { get; set; }

    public string? RunUrl { get; set; }

    public string? Repository { get; set; }

    public string? Provider { get; set; }

    public bool DryRun { get; set; }

    /// <summary>
    /// <c>KlinkyRequireContext</c>: a build with no pull request, branch or tag fails (KLINKY008). By default it creates
    /// nothing and says so, so a project can enable Klinky.Build in its file and still publish locally.
    /// </summary>
    public bool RequireContext { get; set; }

    /// <summary>Where <see cref="BaseUrl"/> came from, by the name the user set: <c>KlinkyBaseUrl</c> or <c>KLINKY_BASE_URL</c>.</summary>
    public string? BaseUrlSource { get; set; }

    public bool FailOnError { get; set; }

    public int TimeoutSeconds { get; set; } = 60;

    public string? ManifestPath { get; set; }

    /// <summary>Written after every link reached its state; its presence makes the next unchanged build skip the target.</summary>
    public string? StateFile { get; set; }

    public string? ProjectFile { get; set; }

    [Output]
    public ITaskItem[] CreatedLinks { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>True when every link is in its desired state on Klinky (false for a dry run or after an outage).</summary>
    [Output]
    public bool Completed { get; private set; }

    /// <summary>Tests read a fake environment through this.</summary>
    internal Func<string, string?> EnvironmentReader
    {
        get => _environment;
        set => _environment = value;
    }

    public void Cancel() => _cancellation.Cancel();

    public override bool Execute()
    {
        var diagnostics = new TaskDiagnostics(Log, ProjectFile, FailOnError);

        // The desired state changed, so the last run's state is stale whatever happens now: without it the next build
        // retries, and no stale link is reported as up to date.
        if (!string.IsNullOrWhiteSpace(StateFile) && File.Exists(StateFile))
        {
            File.Delete(StateFile);
        }

        try
        {
            RunAsync(diagnostics).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_cancellation.IsCancellationRequested)
        {
            // Ctrl+C: MSBuild asked us to stop.
            diagnostics.Detail("Klinky: cancelled.");
            return false;
        }

        return !diagnostics.HasLoggedErrors;
    }

    private async System.Threading.Tasks.Task RunAsync(TaskDiagnostics diagnostics)
    {
        if (!HasContext())
        {
            // A developer's own build: nothing to name the links after, and no link of theirs to create.
            if (RequireContext)
            {
                diagnostics.Error(KlinkyDiagnostics.InvalidProperty, "No pull request, branch or tag is known (not a CI run), and KlinkyRequireContext is true, so no preview link can be named. Set KlinkyPullRequestNumber or KlinkyBranch (for example -p:KlinkyPullRequestNumber=42), or set KlinkyRequireContext to false to skip preview links outside CI.");
            }
            else
            {
                diagnostics.Summary("Klinky: no preview link created: no pull request, branch or tag is known (not a CI run). Set KlinkyPullRequestNumber or KlinkyBranch to create one here, or KlinkyRequireContext=true to make this an error.");
            }

            return;
        }

        if (!TryReadSettings(diagnostics, out var context, out var baseUrl))
        {
            return;
        }

        var errors = new List<string>();
        var definitions = PreviewLinkItemReader.Read(Links, Variants, name => SlugFormatter.Format(name, context, SlugFormat), errors, VariantUrlSource.Load(ProjectFile));
        foreach (var error in errors)
        {
            diagnostics.Error(KlinkyDiagnostics.InvalidLinks, error);
        }

        if (errors.Count > 0 || definitions.Count == 0)
        {
            return;
        }

        if (DryRun)
        {
            foreach (var definition in definitions)
            {
                diagnostics.Summary($"Klinky: {definition.Slug} -> {string.Join(", ", definition.Variants)} (dry run: nothing sent)");
            }

            return;
        }

        var apiKey = _environment(ApiKeyVariable);
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            diagnostics.Error(KlinkyDiagnostics.MissingApiKey, $"KlinkyEnabled is true but the environment variable {ApiKeyVariable} is empty. Set it to your Klinky API key (a CI secret), or leave KlinkyEnabled unset where no key is available (for example pull requests from forks).");
            return;
        }

        diagnostics.Redact(apiKey!);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_cancellation.Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(TimeoutSeconds));
        using var client = new KlinkyClient(ClientOptions(baseUrl, apiKey!, diagnostics));
        if (!await BuildBudget.CheckAsync(client, diagnostics, definitions, MaxBudgetWait, timeout.Token).ConfigureAwait(false))
        {
            return;
        }

        var upserter = new PreviewLinkUpserter(client);
        var results = new List<UpsertResult>();
        foreach (var definition in definitions)
        {
            // Ctrl+C stops every link; any other failure is this link's alone: report it and go on with the next.
            _cancellation.Token.ThrowIfCancellationRequested();
            try
            {
                var result = await upserter.UpsertAsync(definition, timeout.Token).ConfigureAwait(false);
                results.Add(result);
                diagnostics.Summary($"Klinky: {result.Link.Slug} -> {result.Link.ShortUrl ?? result.Link.Slug} ({result.StatusText})");
                diagnostics.Detail($"Klinky: {result.Link.Slug} has id {result.Link.Id} and variants {string.Join(", ", result.Link.Variants)}");
            }
            catch (Exception ex) when (!_cancellation.IsCancellationRequested)
            {
                FailureReporter.Report(diagnostics, ex, definition.Slug, baseUrl, BaseUrlSetting, ApiKeyVariable);
            }
        }

        BuildBudget.ReportSpent(client, diagnostics);
        CreatedLinks = results.Select(r => LinkItems.From(Entry(r))).ToArray();
        var allDone = results.Count == definitions.Count;
        var written = await WriteOutputsAsync(diagnostics, context, results, stampState: allDone, _cancellation.Token).ConfigureAwait(false);
        Completed = allDone && written;
    }

    private bool TryReadSettings(TaskDiagnostics diagnostics, out CiContext context, out string baseUrl)
    {
        baseUrl = BaseUrl.Trim();
        context = CiContext.None;
        var valid = true;
        if (KlinkyBaseUrl.Check(baseUrl, _environment(ApiKeyVariable)) is { } problem)
        {
            diagnostics.Error(KlinkyDiagnostics.InvalidProperty, $"{BaseUrlSetting} {problem.Message}.");
            valid = false;
        }

        int? pullRequest = null;
        if (!string.IsNullOrWhiteSpace(PullRequestNumber))
        {
            if (int.TryParse(PullRequestNumber, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
            {
                pullRequest = number;
            }
            else
            {
                diagnostics.Error(KlinkyDiagnostics.InvalidProperty, $"KlinkyPullRequestNumber '{PullRequestNumber}' is not a positive whole number.");
                valid = false;
            }
        }

        if (TimeoutSeconds <= 0)
        {
            diagnostics.Error(KlinkyDiagnostics.InvalidProperty, $"KlinkyTimeoutSeconds is {TimeoutSeconds}; give a positive number of seconds.");
            valid = false;
        }

        context = new CiContext
        {
            Provider = Enum.TryParse<CiProvider>(Provider, ignoreCase: true, out var provider) ? provider : CiProvider.None,
            PullRequestNumber = pullRequest,
            Branch = NullIfEmpty(Branch),
            Tag = NullIfEmpty(Tag),
            Commit = NullIfEmpty(Commit),
            RunUrl = NullIfEmpty(RunUrl),
            Repository = NullIfEmpty(Repository),
        };
        if (valid)
        {
            try
            {
                SlugFormatter.Format("probe", context, SlugFormat);
            }
            catch (KlinkyValidationException ex)
            {
                diagnostics.Error(KlinkyDiagnostics.InvalidProperty, $"KlinkySlugFormat {string.Join("; ", ex.Errors.Select(e => e.Message))}.");
                valid = false;
            }
        }

        return valid;
    }

    private KlinkyClientOptions ClientOptions(string baseUrl, string apiKey, TaskDiagnostics diagnostics)
    {
        var total = TimeSpan.FromSeconds(TimeoutSeconds);
        return new KlinkyClientOptions
        {
            BaseUrl = baseUrl,
            ApiKey = apiKey,
            UserAgent = UserAgent,
            Timeout = total < TimeSpan.FromSeconds(30) ? total : TimeSpan.FromSeconds(30),
            Retry = new KlinkyRetryOptions { MaxRetries = 2, MaxRateLimitWait = MaxBudgetWait },
            OnRequest = log => diagnostics.Detail($"Klinky: {log.Method} {log.Url} -> {(log.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? log.Error)} in {log.Elapsed.TotalMilliseconds:0} ms (attempt {log.Attempt})"),
            OnWait = wait => diagnostics.Detail($"Klinky: waiting {wait.Delay.TotalSeconds:0.#} s ({wait.Reason}) before attempt {wait.NextAttempt}"),
        };
    }

    /// <summary>
    /// Writes what the links that succeeded are; stamps the incremental state only when every link succeeded, so the
    /// next build retries the ones that failed.
    /// </summary>
    private async Task<bool> WriteOutputsAsync(TaskDiagnostics diagnostics, CiContext context, IReadOnlyList<UpsertResult> results, bool stampState, CancellationToken cancellationToken)
    {
        if (results.Count == 0)
        {
            return false;
        }

        var manifest = new LinkManifest { Links = results.Select(Entry).ToList(), PullRequest = context.PullRequestNumber, Commit = context.Commit };
        try
        {
            if (!string.IsNullOrWhiteSpace(ManifestPath))
            {
                await LinkManifestFile.WriteAsync(ManifestPath!, manifest, cancellationToken).ConfigureAwait(false);
                diagnostics.Detail($"Klinky: manifest written to {ManifestPath}");
            }

            if (GitHubActionsReporter.IsAvailable(_environment))
            {
                var project = Path.GetFileNameWithoutExtension(ProjectFile ?? "") is { Length: > 0 } name ? name : "build";
                await GitHubActionsReporter.ReportAsync(_environment, project, manifest.Links, manifest, ManifestPath ?? "", cancellationToken).ConfigureAwait(false);
            }

            if (stampState && !string.IsNullOrWhiteSpace(StateFile))
            {
                LinkStateFile.Write(StateFile!, manifest.Links);
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Warning(KlinkyDiagnostics.OutputNotWritten, $"The links are on Klinky, but the manifest or CI outputs could not be written: {ex.Message}. Check that the paths are writable.");
            return false;
        }
    }

    private static LinkManifestEntry Entry(UpsertResult result) => new()
    {
        Id = result.Link.Id,
        Slug = result.Link.Slug,
        ShortUrl = result.Link.ShortUrl,
        Name = result.Link.Name,
        Status = result.StatusText,
        // Klinky's own creation time, for a link found as well as one created: a concurrent build of the same pull
        // request may have created it a moment ago, and its counts were zero then either way.
        CreatedAt = result.Link.CreatedAt,
        Variants = result.Link.Variants,
        Item = result.Definition.ItemName,
    };

    private string BaseUrlSetting => string.IsNullOrWhiteSpace(BaseUrlSource) ? "KlinkyBaseUrl" : BaseUrlSource!.Trim();

    private bool HasContext() =>
        !string.IsNullOrWhiteSpace(PullRequestNumber) || !string.IsNullOrWhiteSpace(Branch) || !string.IsNullOrWhiteSpace(Tag);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
}
