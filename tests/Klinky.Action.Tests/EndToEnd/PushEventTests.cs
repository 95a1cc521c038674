namespace Klinky.Action.Tests.EndToEnd;

/// <summary>
/// Runs without a pull request in their event (<c>push</c>, <c>workflow_dispatch</c>, <c>schedule</c>) ask GitHub once
/// for the commit's open pull requests and report there; with none, <c>no-pull-request</c> decides.
/// </summary>
[Collection(ActionEndToEndCollection.Name)]
public sealed class PushEventTests
{
    private const string Marker = "<!-- klinky-report:default -->";
    private readonly ActionEndToEndFixture _fixture;

    public PushEventTests(ActionEndToEndFixture fixture) => _fixture = fixture;

    [Theory]
    [InlineData("push", 801)]
    [InlineData("workflow_dispatch", 802)]
    public async Task CommitWithAnOpenPullRequest_ReportsThere_WithOneLookup(string eventName, int pr)
    {
        var slug = $"e2e-{eventName.Replace('_', '-')}-pr";
        await _fixture.CreateLinkAsync(slug, clicks: 3);
        var sha = ActionEndToEndFixture.NewSha();
        _fixture.GitHub.AddPullRequest(RunnerSandbox.Repository, pr + 50, sha, state: "closed");
        _fixture.GitHub.AddPullRequest(RunnerSandbox.Repository, pr, sha);
        using var sandbox = _fixture.EventSandbox(eventName, RunnerSandbox.Fixture(eventName), sha, _fixture.InstallationToken).WithInput("links", slug);
        var before = await _fixture.RemainingAsync();
        _fixture.GitHub.ClearRequests();

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        var comment = Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr));
        Assert.StartsWith(Marker, comment.Body, StringComparison.Ordinal);
        Assert.Contains(slug, comment.Body, StringComparison.Ordinal);
        Assert.Empty(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr + 50));
        Assert.Equal(
            new[]
            {
                $"GET /api/v3/repos/{RunnerSandbox.Repository}/commits/{sha}/pulls",
                "GET /api/v3/user",
                $"GET /api/v3/repos/{RunnerSandbox.Repository}/issues/{pr}/comments",
                $"POST /api/v3/repos/{RunnerSandbox.Repository}/issues/{pr}/comments",
            },
            _fixture.GitHub.Requests.Select(r => r.Split('?')[0]));
        Assert.Equal(pr.ToString(System.Globalization.CultureInfo.InvariantCulture), sandbox.ReadOutputs()["pull-request"]);

        // The listing that finds the slug, and its stats: GitHub's lookup costs Klinky nothing.
        Assert.Equal(2, before - await _fixture.RemainingAsync() - 1);
    }

    [Fact]
    public async Task CommitHeadingTwoOpenPullRequests_ReportsOnTheLowest_AndSaysSo()
    {
        await _fixture.CreateLinkAsync("e2e-push-two", clicks: 1);
        var sha = ActionEndToEndFixture.NewSha();
        _fixture.GitHub.AddPullRequest(RunnerSandbox.Repository, 812, sha);
        _fixture.GitHub.AddPullRequest(RunnerSandbox.Repository, 811, sha);
        using var sandbox = _fixture.EventSandbox("push", RunnerSandbox.Fixture("push"), sha, _fixture.UserToken).WithInput("links", "e2e-push-two");

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, 811));
        Assert.Empty(_fixture.GitHub.Comments(RunnerSandbox.Repository, 812));
        Assert.Contains("heads 2 open pull requests (#811, #812); the report goes to #811", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("push")]
    [InlineData("schedule")]
    public async Task NoOpenPullRequest_DefaultSummary_PostsNothing_AndSaysWhy(string eventName)
    {
        var slug = $"e2e-{eventName}-nopr";
        await _fixture.CreateLinkAsync(slug, clicks: 1);
        var sha = ActionEndToEndFixture.NewSha();
        _fixture.GitHub.AddPullRequest(RunnerSandbox.Repository, 820, sha, state: "closed");
        using var sandbox = _fixture.EventSandbox(eventName, Payload(eventName), sha, _fixture.UserToken).WithInput("links", slug);
        _fixture.GitHub.ClearRequests();

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(new[] { $"GET /api/v3/repos/{RunnerSandbox.Repository}/commits/{sha}/pulls" }, _fixture.GitHub.Requests.Select(r => r.Split('?')[0]));
        Assert.Contains($"::notice title=Klinky report::No comment was posted: no open pull request has commit {sha[..7]} (event '{eventName}')", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(slug, sandbox.ReadSummary(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoOpenPullRequest_CommitComment_PostsOnce_ThenUpdatesTheSameComment()
    {
        await _fixture.CreateLinkAsync("e2e-push-commit", clicks: 2);
        var sha = ActionEndToEndFixture.NewSha();
        using var sandbox = _fixture.EventSandbox("push", RunnerSandbox.Fixture("push"), sha, _fixture.UserToken)
            .WithInput("links", "e2e-push-commit")
            .WithInput("no-pull-request", "commit-comment");
        var first = await sandbox.RunAsync();
        Assert.True(first.ExitCode == 0, first.ToString());
        var created = Assert.Single(_fixture.GitHub.CommitComments(RunnerSandbox.Repository, sha));
        Assert.StartsWith(Marker + "\n", created.Body, StringComparison.Ordinal);
        Assert.Equal(ActionEndToEndFixture.UserLogin, created.Login);
        var bodyBefore = created.Body;

        await _fixture.ClickAsync("e2e-push-commit", 3);
        _fixture.GitHub.ClearRequests();
        var second = await sandbox.RunAsync();

        Assert.True(second.ExitCode == 0, second.ToString());
        var updated = Assert.Single(_fixture.GitHub.CommitComments(RunnerSandbox.Repository, sha));
        Assert.Equal(created.Id, updated.Id);
        Assert.NotEqual(bodyBefore, updated.Body);
        Assert.Equal(
            new[]
            {
                $"GET /api/v3/repos/{RunnerSandbox.Repository}/commits/{sha}/pulls",
                "GET /api/v3/user",
                $"GET /api/v3/repos/{RunnerSandbox.Repository}/commits/{sha}/comments",
                $"PATCH /api/v3/repos/{RunnerSandbox.Repository}/comments/{created.Id}",
            },
            _fixture.GitHub.Requests.Select(r => r.Split('?')[0]));
        Assert.EndsWith($"#commitcomment-{created.Id}", sandbox.ReadOutputs()["comment-url"], StringComparison.Ordinal);
        foreach (var run in new[] { first, second })
        {
            FailureTests.AssertSecretOnlyMasked(run, _fixture.UserToken);
            FailureTests.AssertSecretOnlyMasked(run, _fixture.Emulator.ApiKey);
        }
    }

    [Fact]
    public async Task NoOpenPullRequest_Fail_ExitsOne_AfterWritingTheSummary()
    {
        await _fixture.CreateLinkAsync("e2e-push-fail", clicks: 1);
        using var sandbox = _fixture.EventSandbox("push", RunnerSandbox.Fixture("push"), ActionEndToEndFixture.NewSha(), _fixture.UserToken)
            .WithInput("links", "e2e-push-fail")
            .WithInput("no-pull-request", "fail");

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("::error title=Klinky report::The Klinky report has nowhere to go: no open pull request has commit", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("e2e-push-fail", sandbox.ReadSummary(), StringComparison.Ordinal);
        Assert.Equal("false", sandbox.ReadOutputs()["significant"]);
    }

    [Fact]
    public async Task PrNumberInput_SkipsTheLookup()
    {
        await _fixture.CreateLinkAsync("e2e-push-given", clicks: 1);
        var sha = ActionEndToEndFixture.NewSha();
        _fixture.GitHub.AddPullRequest(RunnerSandbox.Repository, 831, sha);
        using var sandbox = _fixture.EventSandbox("push", RunnerSandbox.Fixture("push"), sha, _fixture.UserToken)
            .WithInput("links", "e2e-push-given")
            .WithInput("pr-number", "832");
        _fixture.GitHub.ClearRequests();

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(0, _fixture.GitHub.Count("GET", "/pulls"));
        Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, 832));
        Assert.Empty(_fixture.GitHub.Comments(RunnerSandbox.Repository, 831));
    }

    // GitHub's schedule payload is only the cron line.
    private static string Payload(string eventName) => eventName == "schedule" ? "{\"schedule\":\"17 6 * * 1\"}" : RunnerSandbox.Fixture(eventName);
}
