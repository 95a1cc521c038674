namespace Klinky.Action.Tests.EndToEnd;

/// <summary>The Failures section, run as the runner would run the action.</summary>
[Collection(ActionEndToEndCollection.Name)]
public sealed class FailureTests
{
    private readonly ActionEndToEndFixture _fixture;

    public FailureTests(ActionEndToEndFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task ForkPullRequest_ReadOnlyToken_WarnsAboutWorkflowRun_WritesSummary_ExitsZero()
    {
        const int pr = 201;
        await _fixture.CreateLinkAsync("e2e-fork-a", clicks: 2);
        using var sandbox = _fixture.Sandbox(pr, _fixture.ReadOnlyToken, fork: true).WithInput("links", "e2e-fork-a");

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        var warning = Assert.Single(result.Stdout.Split('\n'), l => l.StartsWith("::warning", StringComparison.Ordinal));
        Assert.Contains("workflow_run", warning, StringComparison.Ordinal);
        Assert.Contains("pull_request_target", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("::error", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("e2e-fork-a", sandbox.ReadSummary(), StringComparison.Ordinal);
        Assert.Empty(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr));
    }

    [Fact]
    public async Task ForkPullRequest_WithFailOnCommentError_ExitsOne()
    {
        const int pr = 202;
        await _fixture.CreateLinkAsync("e2e-fork-b", clicks: 1);
        using var sandbox = _fixture.Sandbox(pr, _fixture.ReadOnlyToken, fork: true).WithInput("links", "e2e-fork-b").WithInput("fail-on-comment-error", "true");

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("::error", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameRepositoryPullRequest_ReadOnlyToken_ErrorsWithThePermissionToAdd_ExitsOne()
    {
        const int pr = 203;
        await _fixture.CreateLinkAsync("e2e-perm-a", clicks: 1);
        using var sandbox = _fixture.Sandbox(pr, _fixture.ReadOnlyToken).WithInput("links", "e2e-perm-a");

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        var error = Assert.Single(result.Stdout.Split('\n'), l => l.StartsWith("::error", StringComparison.Ordinal));
        Assert.Contains("pull-requests: write", error, StringComparison.Ordinal);
        Assert.Contains("e2e-perm-a", sandbox.ReadSummary(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadKlinkyKey_ErrorsWithTheDetail_ExitsOne_AndNeverPrintsTheKey()
    {
        const int pr = 204;
        const string badKey = "klinky_live_0123456789abcdef0123456789abcdef";
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "whatever").WithInput("api-key", badKey);

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("::error title=Klinky::Klinky rejected the API key (401", result.Stdout, StringComparison.Ordinal);
        AssertSecretOnlyMasked(result, badKey);
        AssertSecretOnlyMasked(result, _fixture.UserToken);
        Assert.Empty(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr));
    }

    [Fact]
    public async Task OneMissingLinkAmongSeveral_IsAWarning_AndTheOthersAreReported()
    {
        const int pr = 205;
        await _fixture.CreateLinkAsync("e2e-some-a", clicks: 1);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-some-a, e2e-not-there");

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("::warning title=Klinky::Klinky link 'e2e-not-there' was not found", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("e2e-some-a", Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyLinkMissing_ErrorsAndExitsOne()
    {
        using var sandbox = _fixture.Sandbox(206, _fixture.UserToken).WithInput("links", "e2e-nowhere");

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("::error title=Klinky::Klinky link not found: e2e-nowhere", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chart", "pie", "Input 'chart' must be one of both, mermaid, text, none")]
    [InlineData("comment-mode", "sometimes", "Input 'comment-mode'")]
    [InlineData("pr-number", "abc", "Input 'pr-number'")]
    [InlineData("job-summary", "yes", "Input 'job-summary'")]
    [InlineData("comment-key", "a --> b", "Input 'comment-key'")]
    [InlineData("base-url", "ftp://x", "Input 'base-url'")]
    [InlineData("api-key", "", "Input 'api-key' is required")]
    public async Task InvalidInput_ErrorNamesTheInput_ExitsTwo(string input, string value, string expected)
    {
        using var sandbox = _fixture.Sandbox(207, _fixture.UserToken).WithInput("links", "x-link").WithInput(input, value);
        _fixture.GitHub.ClearRequests();

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("::error title=Invalid input::" + expected, result.Stdout, StringComparison.Ordinal);
        Assert.Empty(_fixture.GitHub.Requests);
    }

    // push and workflow_dispatch look their commit's pull request up first: see PushEventTests.
    [Theory]
    [InlineData("workflow_run.completed")]
    public async Task NoPullRequestInContext_NoticeAndSummary_ExitsZero(string fixture)
    {
        await _fixture.CreateLinkAsync($"e2e-nopr-{fixture.Split('.')[0].Replace('_', '-')}", clicks: 1);
        using var sandbox = new RunnerSandbox(_fixture.GitHub.ApiUrl, fixture.Split('.')[0], RunnerSandbox.Fixture(fixture))
            .WithInput("api-key", _fixture.Emulator.ApiKey)
            .WithInput("base-url", _fixture.Emulator.BaseUrl)
            .WithInput("github-token", _fixture.UserToken)
            .WithInput("links", $"e2e-nopr-{fixture.Split('.')[0].Replace('_', '-')}");
        sandbox.Environment["GITHUB_REF"] = "refs/heads/main";
        _fixture.GitHub.ClearRequests();

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("::notice title=Klinky report::No pull request in this run's context", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("e2e-nopr", sandbox.ReadSummary(), StringComparison.Ordinal);
        Assert.Empty(_fixture.GitHub.Requests);
    }

    [Fact]
    public async Task PrNumberInput_CommentsFromAWorkflowRun()
    {
        await _fixture.CreateLinkAsync("e2e-wfrun-a", clicks: 1);
        using var sandbox = new RunnerSandbox(_fixture.GitHub.ApiUrl, "workflow_run", RunnerSandbox.Fixture("workflow_run.completed"))
            .WithInput("api-key", _fixture.Emulator.ApiKey)
            .WithInput("base-url", _fixture.Emulator.BaseUrl)
            .WithInput("github-token", _fixture.InstallationToken)
            .WithInput("links", "e2e-wfrun-a")
            .WithInput("pr-number", "209");
        sandbox.Environment["GITHUB_REPOSITORY"] = "octo-org/octo-repo";

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("github-actions[bot]", Assert.Single(_fixture.GitHub.Comments("octo-org/octo-repo", 209)).Login);
    }

    /// <summary>The only place a secret may appear is the add-mask command that hides it from the runner's log.</summary>
    internal static void AssertSecretOnlyMasked(ActionResult result, string secret)
    {
        var lines = result.All.Split('\n').Where(l => l.Contains(secret, StringComparison.Ordinal)).ToList();
        Assert.All(lines, l => Assert.Equal("::add-mask::" + secret, l.TrimEnd('\r')));
    }

    [Fact]
    public async Task UnexpectedFailure_IsOneAnnotation_ExitsOne_NeverAStackTrace()
    {
        const int pr = 215;
        await _fixture.CreateLinkAsync("e2e-unexpected-a", clicks: 1);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-unexpected-a");
        // A temp folder the report file cannot be written into.
        sandbox.Environment["RUNNER_TEMP"] = "/proc/self";

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains(result.Stdout.Split('\n'), l => l.StartsWith("::error", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }
}
