using Klinky.Testing.GitHub;

namespace Klinky.Action.Tests.EndToEnd;

/// <summary>The report comment over several runs: created once, then edited in place, never duplicated, never someone else's.</summary>
[Collection(ActionEndToEndCollection.Name)]
public sealed class CommentLifecycleTests
{
    private const string Marker = "<!-- klinky-report:default -->";
    private readonly ActionEndToEndFixture _fixture;

    public CommentLifecycleTests(ActionEndToEndFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task FirstRun_CreatesOneCommentWithTheMarker_AndWritesOutputsAndSummary()
    {
        const int pr = 101;
        await _fixture.CreateLinkAsync("e2e-first-a", clicks: 8);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-first-a");

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        var comment = Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr));
        Assert.StartsWith(Marker, comment.Body, StringComparison.Ordinal);
        Assert.Contains("e2e-first-a", comment.Body, StringComparison.Ordinal);
        Assert.Equal(ActionEndToEndFixture.UserLogin, comment.Login);

        var outputs = sandbox.ReadOutputs();
        Assert.Equal(comment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), outputs["comment-id"]);
        Assert.EndsWith($"#issuecomment-{comment.Id}", outputs["comment-url"], StringComparison.Ordinal);
        Assert.Equal("false", outputs["significant"]);
        Assert.Equal("{}", outputs["winners"]);
        // Relative to the runner's temp folder: the container sees it at /github/runner_temp, later steps at ${{ runner.temp }};
        // the workspace gets no untracked file.
        Assert.Equal("klinky/report-default.json", outputs["report-path"]);
        Assert.Empty(Directory.EnumerateFileSystemEntries(sandbox.Workspace));
        var report = File.ReadAllText(Path.Combine(sandbox.RunnerTemp, outputs["report-path"]));
        Assert.Contains("\"slug\":\"e2e-first-a\"", report, StringComparison.Ordinal);
        Assert.Contains("\"total_clicks\":8", report, StringComparison.Ordinal);

        var summary = sandbox.ReadSummary();
        Assert.Contains("e2e-first-a", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("klinky-report:", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondRun_WithNewClicks_UpdatesTheSameComment()
    {
        const int pr = 102;
        await _fixture.CreateLinkAsync("e2e-update-a", clicks: 4);
        // refresh-after 0: every run reads the figures again (RefreshIntervalTests pins the default's re-rendering).
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-update-a").WithInput("refresh-after", "0");
        var first = await sandbox.RunAsync();
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr));
        var bodyBefore = before.Body;

        await _fixture.ClickAsync("e2e-update-a", 5);
        _fixture.GitHub.ClearRequests();
        var second = await sandbox.RunAsync();

        Assert.True(second.ExitCode == 0, second.ToString());
        var after = Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr));
        Assert.Equal(before.Id, after.Id);
        Assert.NotEqual(bodyBefore, after.Body);
        Assert.Equal(1, _fixture.GitHub.Count("PATCH", $"/issues/comments/{before.Id}"));
        Assert.Equal(0, _fixture.GitHub.Count("POST", "/comments"));
    }

    [Fact]
    public async Task SecondRun_WithNothingNew_WritesNothing()
    {
        const int pr = 103;
        await _fixture.CreateLinkAsync("e2e-same-a", clicks: 3);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-same-a");
        Assert.Equal(0, (await sandbox.RunAsync()).ExitCode);
        var comment = Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr));
        var updatedAt = comment.UpdatedAt;
        _fixture.GitHub.ClearRequests();

        var second = await sandbox.RunAsync();

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(updatedAt, Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr)).UpdatedAt);
        Assert.DoesNotContain(_fixture.GitHub.Requests, r => !r.StartsWith("GET ", StringComparison.Ordinal));
        Assert.Equal(comment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), sandbox.ReadOutputs()["comment-id"]);
    }

    [Fact]
    public async Task MarkerInAnotherUsersComment_IsIgnored_AndLeftUntouched()
    {
        const int pr = 104;
        await _fixture.CreateLinkAsync("e2e-spoof-a", clicks: 2);
        var spoof = _fixture.GitHub.AddComment(RunnerSandbox.Repository, pr, "mallory", Marker + "\nfake numbers");
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-spoof-a");

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        var comments = _fixture.GitHub.Comments(RunnerSandbox.Repository, pr);
        Assert.Equal(2, comments.Count);
        Assert.Equal(Marker + "\nfake numbers", comments.Single(c => c.Id == spoof.Id).Body);
        Assert.Equal(ActionEndToEndFixture.UserLogin, comments.Single(c => c.Id != spoof.Id).Login);
    }

    [Fact]
    public async Task OwnCommentThatOnlyQuotesTheMarker_IsNotTakenForTheReport()
    {
        const int pr = 110;
        await _fixture.CreateLinkAsync("e2e-quote-a", clicks: 1);
        var quoting = _fixture.GitHub.AddComment(RunnerSandbox.Repository, pr, ActionEndToEndFixture.UserLogin, "Our reports start with `" + Marker + "`, see above.");
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-quote-a");

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        var comments = _fixture.GitHub.Comments(RunnerSandbox.Repository, pr);
        Assert.Equal(2, comments.Count);
        Assert.StartsWith("Our reports start with", comments.Single(c => c.Id == quoting.Id).Body, StringComparison.Ordinal);
        Assert.StartsWith(Marker + "\n", comments.Single(c => c.Id != quoting.Id).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnCommentOnPageTwo_IsFoundAndUpdated()
    {
        const int pr = 105;
        await _fixture.CreateLinkAsync("e2e-page-a", clicks: 2);
        for (var i = 0; i < 120; i++)
        {
            _fixture.GitHub.AddComment(RunnerSandbox.Repository, pr, "reviewer", $"comment {i}");
        }

        var ours = _fixture.GitHub.AddComment(RunnerSandbox.Repository, pr, "github-actions[bot]", Marker + "\nold report");
        using var sandbox = _fixture.Sandbox(pr, _fixture.InstallationToken).WithInput("links", "e2e-page-a");
        _fixture.GitHub.ClearRequests();

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, _fixture.GitHub.Count("GET", $"/issues/{pr}/comments"));
        Assert.Contains(_fixture.GitHub.Requests, r => r.Contains($"/issues/{pr}/comments?", StringComparison.Ordinal) && r.Contains("per_page=100", StringComparison.Ordinal) && r.EndsWith("page=2", StringComparison.Ordinal));
        Assert.Equal(121, _fixture.GitHub.Comments(RunnerSandbox.Repository, pr).Count);
        Assert.Contains("e2e-page-a", _fixture.GitHub.Comments(RunnerSandbox.Repository, pr).Single(c => c.Id == ours.Id).Body, StringComparison.Ordinal);
        Assert.Equal(1, _fixture.GitHub.Count("GET", "/user"));
    }

    [Fact]
    public async Task DuplicatesFromRacingRuns_AreDeleted_OldestWins()
    {
        const int pr = 106;
        await _fixture.CreateLinkAsync("e2e-dup-a", clicks: 2);
        var oldest = _fixture.GitHub.AddComment(RunnerSandbox.Repository, pr, ActionEndToEndFixture.UserLogin, Marker + "\nrun 1");
        var newer = _fixture.GitHub.AddComment(RunnerSandbox.Repository, pr, ActionEndToEndFixture.UserLogin, Marker + "\nrun 2");
        var other = _fixture.GitHub.AddComment(RunnerSandbox.Repository, pr, ActionEndToEndFixture.UserLogin, "<!-- klinky-report:other -->\nanother key");
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-dup-a");

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        var comments = _fixture.GitHub.Comments(RunnerSandbox.Repository, pr);
        Assert.Equal(new[] { oldest.Id, other.Id }, comments.Select(c => c.Id).Order().ToArray());
        Assert.DoesNotContain(comments, c => c.Id == newer.Id);
        Assert.Contains("e2e-dup-a", comments.Single(c => c.Id == oldest.Id).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecreateMode_ReplacesTheCommentWithANewOne()
    {
        const int pr = 107;
        await _fixture.CreateLinkAsync("e2e-recreate-a", clicks: 2);
        var old = _fixture.GitHub.AddComment(RunnerSandbox.Repository, pr, "github-actions[bot]", Marker + "\nold");
        using var sandbox = _fixture.Sandbox(pr, _fixture.InstallationToken).WithInput("links", "e2e-recreate-a").WithInput("comment-mode", "recreate");

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        var comment = Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr));
        Assert.NotEqual(old.Id, comment.Id);
        Assert.Equal("github-actions[bot]", comment.Login);
    }

    [Fact]
    public async Task CommentModeOff_WritesSummaryAndOutputs_ButNoComment()
    {
        const int pr = 108;
        await _fixture.CreateLinkAsync("e2e-off-a", clicks: 2);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-off-a").WithInput("comment-mode", "off");
        _fixture.GitHub.ClearRequests();

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr));
        Assert.Empty(_fixture.GitHub.Requests);
        Assert.Contains("e2e-off-a", sandbox.ReadSummary(), StringComparison.Ordinal);
        Assert.False(sandbox.ReadOutputs().ContainsKey("comment-id"));
    }
}
