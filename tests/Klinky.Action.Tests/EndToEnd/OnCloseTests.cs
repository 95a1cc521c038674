using Klinky.Links;

namespace Klinky.Action.Tests.EndToEnd;

/// <summary>
/// A closed pull request ends its links (<c>on-close</c>): one listing page per 100 links in the account to find them,
/// one request per link to turn off or delete, no stats; the report comment keeps its last numbers and says so.
/// </summary>
[Collection(ActionEndToEndCollection.Name)]
public sealed class OnCloseTests
{
    private const string Marker = "<!-- klinky-report:default -->";
    private readonly ActionEndToEndFixture _fixture;

    public OnCloseTests(ActionEndToEndFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Closed_Default_TurnsThePullRequestsLinksOff_AndUpdatesTheReport()
    {
        const int pr = 701;
        var a = await _fixture.CreateLinkAsync("e2e-pr701-a", clicks: 1);
        var b = await _fixture.CreateLinkAsync("e2e-pr701-b", clicks: 1);
        var other = await _fixture.CreateLinkAsync("e2e-pr7010-other", clicks: 1);
        var report = _fixture.GitHub.AddComment(RunnerSandbox.Repository, pr, ActionEndToEndFixture.UserLogin, Marker + "\n### last numbers\n| e2e-pr701-a | 1 |");
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken, action: "closed").WithInput("slug-prefix", "e2e-pr701-");
        var pages = await ListingPagesAsync();
        var before = await _fixture.RemainingAsync();
        _fixture.GitHub.ClearRequests();

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(pages + 2, before - await _fixture.RemainingAsync() - 1);
        Assert.False((await _fixture.Klinky.Links.GetAsync(a.Id)).IsActive);
        Assert.False((await _fixture.Klinky.Links.GetAsync(b.Id)).IsActive);
        Assert.True((await _fixture.Klinky.Links.GetAsync(other.Id)).IsActive);

        var comment = Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr));
        Assert.Equal(report.Id, comment.Id);
        Assert.StartsWith(Marker + "\n### last numbers\n| e2e-pr701-a | 1 |\n\n<!-- klinky-closed -->\n**This pull request was closed.** Its Klinky links were turned off: `e2e-pr701-a`, `e2e-pr701-b`.", comment.Body, StringComparison.Ordinal);
        Assert.Equal(1, _fixture.GitHub.Count("PATCH", $"/issues/comments/{report.Id}"));
        Assert.Equal("[\"e2e-pr701-a\",\"e2e-pr701-b\"]", sandbox.ReadOutputs()["closed-links"]);
        Assert.Contains("was closed", sandbox.ReadSummary(), StringComparison.Ordinal);

        // A re-run of the same close event costs the listing only, and replaces the note rather than adding one.
        before = await _fixture.RemainingAsync();
        var again = await sandbox.RunAsync();
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(pages, before - await _fixture.RemainingAsync() - 1);
        var body = Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr)).Body;
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(body, "klinky-closed"));
        Assert.Contains("already off: `e2e-pr701-a`, `e2e-pr701-b`", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closed_OnCloseDelete_DeletesTheLinks_ById_WithoutAListing()
    {
        const int pr = 702;
        var a = await _fixture.CreateLinkAsync("e2e-pr702-a", clicks: 1);
        var b = await _fixture.CreateLinkAsync("e2e-pr702-b", clicks: 1);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken, action: "closed")
            .WithInput("links", $"{a.Id},{b.Id}")
            .WithInput("on-close", "delete");
        var before = await _fixture.RemainingAsync();

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, before - await _fixture.RemainingAsync() - 1);
        await Assert.ThrowsAsync<KlinkyNotFoundException>(() => _fixture.Klinky.Links.GetAsync(a.Id));
        await Assert.ThrowsAsync<KlinkyNotFoundException>(() => _fixture.Klinky.Links.GetAsync(b.Id));
        var comment = Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr));
        Assert.StartsWith(Marker + "\n\n<!-- klinky-closed -->\n**This pull request was closed.** Its Klinky links were deleted:", comment.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closed_ReRunAfterDelete_SaysTheLinksAreGone_WithTheListingOnly()
    {
        const int pr = 705;
        await _fixture.CreateLinkAsync("e2e-pr705-a", clicks: 1);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken, action: "closed").WithInput("links", "e2e-pr705-a").WithInput("on-close", "delete");
        Assert.Equal(0, (await sandbox.RunAsync()).ExitCode);
        var pages = await ListingPagesAsync();
        var before = await _fixture.RemainingAsync();

        var again = await sandbox.RunAsync();

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(pages, before - await _fixture.RemainingAsync() - 1);
        Assert.Contains("No Klinky link needed changing; already gone: `e2e-pr705-a`", Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr)).Body, StringComparison.Ordinal);
        Assert.Equal("[]", sandbox.ReadOutputs()["closed-links"]);
    }

    [Fact]
    public async Task Closed_OnCloseOff_ReportsAsUsual_AndLeavesTheLinks()
    {
        const int pr = 703;
        var a = await _fixture.CreateLinkAsync("e2e-pr703-a", clicks: 2);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken, action: "closed").WithInput("links", "e2e-pr703-a").WithInput("on-close", "off");

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True((await _fixture.Klinky.Links.GetAsync(a.Id)).IsActive);
        Assert.DoesNotContain("klinky-closed", Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotAClosedEvent_LeavesTheLinksOn()
    {
        const int pr = 704;
        var a = await _fixture.CreateLinkAsync("e2e-pr704-a", clicks: 1);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-pr704-a");

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True((await _fixture.Klinky.Links.GetAsync(a.Id)).IsActive);
    }

    // The action lists the whole account, 100 links a page, to find slugs and prefixes.
    private async Task<int> ListingPagesAsync()
    {
        var page = await _fixture.Klinky.Links.ListAsync(new LinkListOptions { PerPage = 1 });
        return Math.Max(1, (int)Math.Ceiling(page.Total / 100.0));
    }
}
