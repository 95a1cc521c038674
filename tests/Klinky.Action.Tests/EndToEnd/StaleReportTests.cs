namespace Klinky.Action.Tests.EndToEnd;

/// <summary>
/// <c>comment-mode: delete</c> removes our report when there is nothing left to report; <c>hide</c> minimizes the
/// previous report (GraphQL <c>minimizeComment</c>, OUTDATED) and posts a fresh one. Neither touches others' comments.
/// </summary>
[Collection(ActionEndToEndCollection.Name)]
public sealed class StaleReportTests
{
    private const string Marker = "<!-- klinky-report:default -->";
    private readonly ActionEndToEndFixture _fixture;

    public StaleReportTests(ActionEndToEndFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task DeleteMode_NothingToReport_DeletesOurReport_LeavesOthers()
    {
        const int pr = 501;
        var ours = _fixture.GitHub.AddComment(RunnerSandbox.Repository, pr, ActionEndToEndFixture.UserLogin, Marker + "\nold numbers");
        var theirs = _fixture.GitHub.AddComment(RunnerSandbox.Repository, pr, "mallory", Marker + "\nnot ours");
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("slug-prefix", "e2e-stale-none-").WithInput("comment-mode", "delete");
        _fixture.GitHub.ClearRequests();

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(new[] { theirs.Id }, _fixture.GitHub.Comments(RunnerSandbox.Repository, pr).Select(c => c.Id));
        Assert.Equal(1, _fixture.GitHub.Count("DELETE", $"/issues/comments/{ours.Id}"));
        Assert.Equal(0, _fixture.GitHub.Count("POST", "/"));
        Assert.Contains("deleted (nothing to report)", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteMode_WithLinks_UpdatesInPlace()
    {
        const int pr = 502;
        await _fixture.CreateLinkAsync("e2e-stale-del-a", clicks: 1);
        var ours = _fixture.GitHub.AddComment(RunnerSandbox.Repository, pr, ActionEndToEndFixture.UserLogin, Marker + "\nold numbers");
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-stale-del-a").WithInput("comment-mode", "delete");

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        var comment = Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr));
        Assert.Equal(ours.Id, comment.Id);
        Assert.Contains("e2e-stale-del-a", comment.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HideMode_NewNumbers_PostsAFreshReport_AndMinimizesThePreviousOnce()
    {
        const int pr = 503;
        await _fixture.CreateLinkAsync("e2e-stale-hide-a", clicks: 2);
        var older = _fixture.GitHub.AddComment(RunnerSandbox.Repository, pr, "github-actions[bot]", Marker + "\nrun 1");
        var previous = _fixture.GitHub.AddComment(RunnerSandbox.Repository, pr, "github-actions[bot]", Marker + "\nrun 2");
        var theirs = _fixture.GitHub.AddComment(RunnerSandbox.Repository, pr, "reviewer", "looks good");
        using var sandbox = _fixture.Sandbox(pr, _fixture.InstallationToken).WithInput("links", "e2e-stale-hide-a").WithInput("comment-mode", "hide");
        _fixture.GitHub.ClearRequests();

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        var comments = _fixture.GitHub.Comments(RunnerSandbox.Repository, pr);
        Assert.Equal(4, comments.Count);
        var fresh = comments.Single(c => c.Id != older.Id && c.Id != previous.Id && c.Id != theirs.Id);
        Assert.Contains("e2e-stale-hide-a", fresh.Body, StringComparison.Ordinal);
        Assert.Null(fresh.MinimizedAs);
        Assert.Equal("OUTDATED", previous.MinimizedAs);

        // Runs before this one hid the older reports; one GraphQL call per run, never one per old report.
        Assert.Null(older.MinimizedAs);
        Assert.Null(theirs.MinimizedAs);
        Assert.Equal(1, _fixture.GitHub.Count("POST", "/api/graphql"));
        Assert.Equal(1, _fixture.GitHub.Count("POST", $"/issues/{pr}/comments"));
        Assert.Equal(0, _fixture.GitHub.Count("DELETE", "/"));
        Assert.Equal(fresh.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), sandbox.ReadOutputs()["comment-id"]);
    }

    [Fact]
    public async Task HideMode_SameNumbers_WritesNothing()
    {
        const int pr = 504;
        await _fixture.CreateLinkAsync("e2e-stale-hide-same", clicks: 2);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-stale-hide-same").WithInput("comment-mode", "hide");
        Assert.Equal(0, (await sandbox.RunAsync()).ExitCode);
        _fixture.GitHub.ClearRequests();

        var second = await sandbox.RunAsync();

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr));
        Assert.DoesNotContain(_fixture.GitHub.Requests, r => !r.StartsWith("GET ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HideMode_NothingToReport_MinimizesTheReport_PostsNothing()
    {
        const int pr = 505;
        var previous = _fixture.GitHub.AddComment(RunnerSandbox.Repository, pr, ActionEndToEndFixture.UserLogin, Marker + "\nold numbers");
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("slug-prefix", "e2e-stale-none-").WithInput("comment-mode", "hide");
        _fixture.GitHub.ClearRequests();

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("OUTDATED", Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr)).MinimizedAs);
        Assert.Equal(new[] { "GET", "GET", "POST" }, _fixture.GitHub.Requests.Select(r => r.Split(' ')[0]));
        Assert.Equal(1, _fixture.GitHub.Count("POST", "/api/graphql"));
    }

    [Fact]
    public async Task HideMode_ReadOnlyToken_IsTheUsualPermissionMessage_AndTheOldReportStays()
    {
        const int pr = 506;
        await _fixture.CreateLinkAsync("e2e-stale-hide-ro", clicks: 1);
        var previous = _fixture.GitHub.AddComment(RunnerSandbox.Repository, pr, "github-actions[bot]", Marker + "\nold numbers");
        using var sandbox = _fixture.Sandbox(pr, _fixture.ReadOnlyToken).WithInput("links", "e2e-stale-hide-ro").WithInput("comment-mode", "hide");
        _fixture.GitHub.ClearRequests();

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("permissions: pull-requests: write", result.Stdout, StringComparison.Ordinal);
        Assert.Null(Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr)).MinimizedAs);
        Assert.Equal(0, _fixture.GitHub.Count("POST", "/api/graphql"));
        Assert.Equal(previous.Body, _fixture.GitHub.Comments(RunnerSandbox.Repository, pr)[0].Body);
    }
}
