using System.Collections;
using System.Management.Automation;
using Klinky.PowerShell.Errors;
using Klinky.PowerShell.Reporting;
using Klinky.PowerShell.Stats;
using Klinky.Publishing;
using Klinky.Publishing.Detection;
using Klinky.Publishing.Gate;
using Klinky.Reporting;
using Klinky.Stats;

namespace Klinky.PowerShell.Publishing;

/// <summary>
/// Publish-KlinkyReport: posts Get-KlinkyStats output as the report comment of the pull request (GitHub), pull
/// request thread (Azure DevOps) or merge request note (GitLab) the run is on, kept in place by its comment key, and
/// optionally the verdict as a <c>klinky/&lt;key&gt;</c> status. Where and how is decided by Klinky.Publishing, the same
/// code the GitHub Action uses; this cmdlet only reads the environment once and translates.
/// </summary>
[Cmdlet(VerbsData.Publish, "KlinkyReport", SupportsShouldProcess = true, HelpUri = HelpLinks.Page + "#publish-klinkyreport")]
[OutputType(typeof(KlinkyPublishResult), typeof(string))]
public sealed class PublishKlinkyReportCommand : PSCmdlet, IDisposable
{
    private readonly List<LinkStats> _links = new();
    private readonly CancellationTokenSource _stopping = new();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [AllowEmptyCollection]
    public object[] InputObject { get; set; } = Array.Empty<object>();

    /// <summary>Identifies this report among several on one pull request, as the action's comment-key.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string CommentKey { get; set; } = "default";

    // Strings, not Klinky.Publishing's enums: PowerShell reads parameter types while importing, before the module's
    // initializer points the loader at Dependencies/, so a parameter typed from there fails the import.
    [Parameter]
    [ValidateSet("Update", "Recreate", "Delete", "Hide", "Off", IgnoreCase = true)]
    public string Mode { get; set; } = "Update";

    /// <summary>Also set the klinky/&lt;CommentKey&gt; status: pending, success, or failure when a variant is significantly worse.</summary>
    [Parameter]
    public SwitchParameter Status { get; set; }

    [Parameter]
    [ValidateSet("GitHub", "AzureDevOps", "GitLab", IgnoreCase = true)]
    public string? Platform { get; set; }

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    public int PullRequest { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Repository { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Project { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ApiUrl { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? HeadCommit { get; set; }

    /// <summary>Else GITHUB_TOKEN, SYSTEM_ACCESSTOKEN or KLINKY_GITLAB_TOKEN, by platform.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Token { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Title { get; set; }

    public void Dispose()
    {
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    protected override void ProcessRecord()
    {
        foreach (var item in InputObject)
        {
            if (ReportInput.Collect(item, _links, "Publish-KlinkyReport") is { } error)
            {
                WriteError(error);
            }
        }
    }

    protected override void EndProcessing()
    {
        string marker;
        try
        {
            marker = MarkdownReport.Marker(CommentKey);
        }
        catch (ArgumentException ex)
        {
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException(ex.Message, nameof(CommentKey)), KlinkyErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, CommentKey));
            return;
        }

        var environment = ReadEnvironment();
        var context = Ci.CiContextReader.Read(environment);
        var body = MarkdownReport.Render(_links, new MarkdownReportOptions
        {
            CommentKey = CommentKey,
            Commit = HeadCommit ?? context.Commit,
            RunUrl = context.RunUrl,
            Title = Title ?? new MarkdownReportOptions().Title,
            MaxLength = MarkdownReportOptions.GitHubCommentLimit,
        });

        // -WhatIf shows the comment itself, not only a sentence about it: nothing is read or written on the platform.
        if (!ShouldProcess(Where(context), $"Post the Klinky report ({_links.Count} link(s), comment key '{CommentKey}'){(Status ? " and set the status" : "")}"))
        {
            WriteObject(body);
            return;
        }

        if (context.Provider == Ci.CiProvider.AzurePipelines && !PlatformGiven)
        {
            UploadAzureSummary(body, environment);
        }

        try
        {
            using var detected = PlatformDetector.Detect(environment, Settings(), new PlatformOptions { UserAgent = Hosting.KlinkySessionState.UserAgent });
            WriteObject(Wait(ct => PublishAsync(detected, marker, body, ct)));
        }
        catch (PublishingConfigurationException ex)
        {
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException(ex.Message, ex.Field), "Klinky.PublishNotConfigured", ErrorCategory.InvalidArgument, ex.Field));
        }
        catch (PublishingException ex)
        {
            var category = ex is PublishingRateLimitException ? ErrorCategory.LimitsExceeded : ex.IsPermission ? ErrorCategory.PermissionDenied : ErrorCategory.ConnectionError;
            ThrowTerminatingError(new ErrorRecord(ex, "Klinky.PublishFailed", category, ex.Platform));
        }
        catch (Exception ex) when (ex is Octokit.ApiException or Klinky.Publishing.GitHub.GitHubRateLimitException or HttpRequestException)
        {
            var failure = Klinky.Publishing.GitHub.CommentFailure.Classify(ex, context.Repository ?? "GitHub", context.IsForkPullRequest, failOnCommentError: true);
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(failure.Message, ex), "Klinky.PublishFailed", ErrorCategory.PermissionDenied, "GitHub"));
        }
    }

    protected override void StopProcessing() => _stopping.Cancel();

    private async Task<KlinkyPublishResult> PublishAsync(DetectedPlatform detected, string marker, string body, CancellationToken cancellationToken)
    {
        var publisher = new ReportPublisher(detected.Platform);
        CommentOutcome? outcome = null;
        var mode = (CommentMode)Enum.Parse(typeof(CommentMode), Mode, ignoreCase: true);
        if (mode != CommentMode.Off)
        {
            var existing = await publisher.FindAsync(marker, cancellationToken).ConfigureAwait(false);
            outcome = _links.Count == 0
                ? await publisher.RetireAsync(existing, mode, cancellationToken).ConfigureAwait(false)
                : await publisher.PublishAsync(existing, body, mode, cancellationToken).ConfigureAwait(false);
        }

        GateStatus? status = null;
        if (Status)
        {
            status = ReportGate.Decide(_links, CommentKey, outcome?.HtmlUrl ?? detected.RunUrl);
            await detected.Platform.SetStatusAsync(status, cancellationToken).ConfigureAwait(false);
        }

        return new KlinkyPublishResult
        {
            Platform = detected.Platform.Name,
            Target = detected.Platform.Where,
            Action = outcome?.Action.ToString() ?? "None",
            CommentId = outcome?.Id,
            CommentUrl = outcome?.HtmlUrl,
            Status = status?.State.ToString(),
            StatusDescription = status?.Description,
        };
    }

    private bool PlatformGiven => Platform is not null;

    private PlatformSettings Settings() => new()
    {
        Platform = Platform is null ? null : (PlatformKind)Enum.Parse(typeof(PlatformKind), Platform, ignoreCase: true),
        Token = Token,
        PullRequest = MyInvocation.BoundParameters.ContainsKey(nameof(PullRequest)) ? PullRequest : null,
        Repository = Repository,
        Project = Project,
        ApiUrl = ApiUrl,
        HeadCommit = HeadCommit,
    };

    private string Where(Ci.CiContext context) =>
        PullRequest > 0 ? $"pull request {PullRequest}" : context.PullRequestNumber is { } number ? $"{context.Provider} pull request {number}" : "the run's pull request";

    /// <summary>Azure Pipelines shows a Markdown file on the run's Extensions tab when a step logs <c>##vso[task.uploadsummary]</c>.</summary>
    private void UploadAzureSummary(string body, IReadOnlyDictionary<string, string?> environment)
    {
        var folder = environment.TryGetValue("AGENT_TEMPDIRECTORY", out var temp) && !string.IsNullOrEmpty(temp) ? temp! : Path.GetTempPath();
        // One file per comment key, so a second report of the same key in this job replaces the first.
        var name = new string(CommentKey.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        var path = Path.Combine(folder, $"klinky-report-{name}.md");
        File.WriteAllText(path, body);
        Host.UI.WriteLine("##vso[task.uploadsummary]" + path);
    }

    /// <summary>The process environment, read once here (the cmdlet is the surface's entry point) and passed on.</summary>
    private static IReadOnlyDictionary<string, string?> ReadEnvironment() => ProcessEnvironment.Snapshot();

    private T Wait<T>(Func<CancellationToken, Task<T>> call)
    {
        try
        {
            return Task.Run(() => call(_stopping.Token)).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }
}
