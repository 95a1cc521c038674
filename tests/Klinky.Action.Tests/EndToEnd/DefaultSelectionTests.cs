using Klinky.Links;

namespace Klinky.Action.Tests.EndToEnd;

/// <summary>
/// No links, slug-prefix or manifest input: the action reports the pull request's links by the one convention
/// (Core's PullRequestSlugs, Klinky.Build's default slugs), or from the manifest Klinky.Build left in the workspace.
/// </summary>
[Collection(ActionEndToEndCollection.Name)]
public sealed class DefaultSelectionTests
{
    private readonly ActionEndToEndFixture _fixture;

    public DefaultSelectionTests(ActionEndToEndFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task OnlyTheApiKey_ReportsThePullRequestsConventionalSlugs_WithTheListingAndOneStatsRequestEach()
    {
        const int pr = 240;
        await _fixture.CreateLinkAsync($"dflt-checkout-pr{pr}", clicks: 3);
        await _fixture.CreateLinkAsync($"dflt-pricing-pr{pr}", clicks: 2);
        await _fixture.CreateLinkAsync($"dflt-checkout-pr{pr}0", clicks: 1);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken);
        var pages = await ListingPagesAsync();
        var before = await _fixture.RemainingAsync();

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(pages + 2, before - await _fixture.RemainingAsync() - 1);
        var comment = Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr));
        Assert.Contains($"dflt-checkout-pr{pr}", comment.Body, StringComparison.Ordinal);
        Assert.Contains($"dflt-pricing-pr{pr}", comment.Body, StringComparison.Ordinal);
        Assert.DoesNotContain($"dflt-checkout-pr{pr}0", comment.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("::warning", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AManifestOfThisPullRequestInTheWorkspace_IsReportedWithoutAListing_OtherPullRequestsManifestsIgnored()
    {
        const int pr = 241;
        var built = await _fixture.CreateLinkAsync($"dflt-built-pr{pr}", clicks: 4);
        var stale = await _fixture.CreateLinkAsync("dflt-stale-pr9999", clicks: 1);
        using var sandbox = _fixture.Sandbox(pr, _fixture.InstallationToken);
        WriteManifest(sandbox, "web/obj/Release/net10.0/klinky-links.json", pr, built);
        WriteManifest(sandbox, "old/obj/Release/net10.0/klinky-links.json", 9999, stale);
        var before = await _fixture.RemainingAsync();

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(1, before - await _fixture.RemainingAsync() - 1);
        var comment = Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr));
        Assert.Contains(built.Slug, comment.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(stale.Slug, comment.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingFound_WarnsWhatItLookedForAndHowToPointElsewhere()
    {
        const int pr = 242;
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken);

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.Stdout.Contains("::warning", StringComparison.Ordinal), result.ToString());
        var warning = Assert.Single(result.Stdout.Split('\n'), l => l.StartsWith("::warning", StringComparison.Ordinal));
        foreach (var expected in new[] { "'-pr242'", "**/obj/**/klinky-links.json", "'manifest'", "'links'", "'slug-prefix'", "KlinkySlugFormat" })
        {
            Assert.Contains(expected, warning, StringComparison.Ordinal);
        }

        Assert.Contains("-pr242", sandbox.ReadSummary(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASlugPrefixThatMatchesNothing_NamesTheConventionalSlugs()
    {
        const int pr = 243;
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("slug-prefix", $"pr-{pr}-");

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"No Klinky link's slug starts with 'pr-{pr}-'. Klinky.Build names this pull request's links name-pr{pr}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("KlinkySlugFormat", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closed_OnlyTheApiKey_TurnsOffThePullRequestsConventionalLinks()
    {
        const int pr = 244;
        var mine = await _fixture.CreateLinkAsync($"dflt-close-pr{pr}", clicks: 1);
        var other = await _fixture.CreateLinkAsync($"dflt-close-pr{pr}1", clicks: 1);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken, action: "closed");

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False((await _fixture.Klinky.Links.GetAsync(mine.Id)).IsActive);
        Assert.True((await _fixture.Klinky.Links.GetAsync(other.Id)).IsActive);
        Assert.Equal($"[\"dflt-close-pr{pr}\"]", sandbox.ReadOutputs()["closed-links"]);
    }

    private async Task<int> ListingPagesAsync()
    {
        var page = await _fixture.Klinky.Links.ListAsync(new LinkListOptions { PerPage = 1 });
        return Math.Max(1, (int)Math.Ceiling(page.Total / 100.0));
    }

    private static void WriteManifest(RunnerSandbox sandbox, string relativePath, int pullRequest, Link link)
    {
        var path = Path.Combine(sandbox.Workspace, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var manifest = new LinkManifest
        {
            PullRequest = pullRequest,
            Links = new[] { new LinkManifestEntry { Id = link.Id, Slug = link.Slug, Name = link.Name, Variants = link.Variants } },
        };
        File.WriteAllText(path, manifest.ToJson());
    }
}
