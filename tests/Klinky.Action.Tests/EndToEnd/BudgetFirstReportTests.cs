using System.Globalization;
using Klinky.Links;
using Klinky.RateLimits;
using Klinky.Reporting;
using Klinky.Stats;
using Klinky.Testing;
using Klinky.Testing.GitHub;

namespace Klinky.Action.Tests.EndToEnd;

/// <summary>
/// A pull request's first report (the emulator's test-only 30 requests an hour, one key per test): a link the build
/// created or found shows its counts at creation from the manifest, without a request, within refresh-after of its
/// creation or when the budget is short, unless the build changed its split or the manifest does not say when; a report
/// whose figures were read in the window still running leaves room to reports whose figures are older.
/// </summary>
public sealed class BudgetFirstReportTests() : SmallBudgetTests(keys: 10)
{
    [Theory]
    [InlineData(7, 4941, false)]
    [InlineData(8, 4942, true)]
    public async Task WithinRefreshAfterOfItsCreation_ANewLinksFirstReport_ShowsItsCountsAtCreation_SpendingNothing(int keyIndex, int pr, bool named)
    {
        var key = Keys[keyIndex];
        using var klinky = Client(key);
        var link = await CreateLinkAsync(klinky, $"home-pr{pr}");
        using var sandbox = Sandbox(key, pr);
        if (named)
        {
            sandbox.WithInput("links", link.Slug);
        }

        WriteManifest(sandbox, pr, link, "created", link.CreatedAt);
        var before = (await RequestBudget.ReadAsync(klinky))!.Remaining;

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("0", sandbox.ReadOutputs()["klinky-requests"]);
        Assert.Equal(before, (await RequestBudget.ReadAsync(klinky))!.Remaining);
        Assert.DoesNotContain("::notice", result.Stdout, StringComparison.Ordinal);
        var body = Assert.Single(GitHub.Comments(RunnerSandbox.Repository, pr)).Body;
        Assert.Contains($"Figures as of {link.CreatedAt!.Value.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC, when the link was created.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("budget is spent", body, StringComparison.Ordinal);
        var saved = Assert.Single(ReportData.Read(body, key, DateTimeOffset.UtcNow).Report!.Links);
        Assert.Equal(link.CreatedAt!.Value.ToUnixTimeSeconds(), saved.ReadAt.ToUnixTimeSeconds());
        Assert.All(saved.Variants, v => Assert.Equal(0, v.Clicks));
    }

    [Theory]
    // A prefix is answered by a listing (it may match links no manifest names); a changed split was not the one at creation.
    [InlineData(9, 4943, "created", "slug-prefix")]
    [InlineData(9, 4944, "updated", null)]
    public async Task WithinRefreshAfterOfItsCreation_ALinkTheInputsFindByAListing_OrWhoseSplitChanged_IsRead(int keyIndex, int pr, string status, string? prefixInput)
    {
        var key = Keys[keyIndex];
        using var klinky = Client(key);
        var link = await CreateLinkAsync(klinky, $"home-pr{pr}");
        using var sandbox = Sandbox(key, pr);
        if (prefixInput is not null)
        {
            sandbox.WithInput(prefixInput, link.Slug);
        }

        WriteManifest(sandbox, pr, link, status, link.CreatedAt);

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(prefixInput is null ? "1" : "2", sandbox.ReadOutputs()["klinky-requests"]);
        Assert.Contains("6 clicks", Assert.Single(GitHub.Comments(RunnerSandbox.Repository, pr)).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 4901, false, "created")]
    [InlineData(6, 4902, true, "created")]
    // A build of an earlier push created it a moment ago; this push's build found it, and its report runs first.
    [InlineData(3, 4911, false, "unchanged")]
    public async Task OnlyTheReserveLeft_ALinkTheBuildCreatedOrFound_ShowsZeroAsOfItsCreation_SpendingNothing(int keyIndex, int pr, bool named, string status)
    {
        var key = Keys[keyIndex];
        using var klinky = Client(key);
        var link = await CreateLinkAsync(klinky, $"home-pr{pr}");
        await DrainToAsync(klinky, RequestBudget.DefaultReserve);

        // The build's manifest where Klinky.Build writes it: read by the default selection, or for the link named in 'links'.
        // No refresh interval: within one, figures at creation stand in for a read whatever the budget (the test above).
        using var sandbox = Sandbox(key, pr, refreshAfter: "0");
        if (named)
        {
            sandbox.WithInput("links", link.Slug);
        }

        WriteManifest(sandbox, pr, link, status, link.CreatedAt);

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("0", sandbox.ReadOutputs()["klinky-requests"]);
        Assert.Contains("::notice", result.Stdout, StringComparison.Ordinal);
        var body = Assert.Single(GitHub.Comments(RunnerSandbox.Repository, pr)).Body;
        Assert.Contains(link.Slug, body, StringComparison.Ordinal);
        Assert.Contains($"Figures as of {link.CreatedAt!.Value.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC, when the link was created", body, StringComparison.Ordinal);
        var saved = Assert.Single(ReportData.Read(body, key, DateTimeOffset.UtcNow).Report!.Links);
        Assert.Equal(link.CreatedAt!.Value.ToUnixTimeSeconds(), saved.ReadAt.ToUnixTimeSeconds());
        Assert.All(saved.Variants, v => Assert.Equal(0, v.Clicks));
        Assert.Equal(RequestBudget.DefaultReserve, (await RequestBudget.ReadAsync(klinky))!.Remaining);
    }

    [Theory]
    [InlineData(4, 4912, "updated", true)]
    [InlineData(5, 4913, "created", false)]
    public async Task OnlyTheReserveLeft_ALinkTheBuildUpdated_OrWithoutACreationTime_HasNoFiguresToShow(int keyIndex, int pr, string status, bool withTime)
    {
        var key = Keys[keyIndex];
        using var klinky = Client(key);
        var link = await klinky.Links.CreateAsync(new CreateLinkRequest("Home", Variants()) { Slug = $"home-pr{pr}" });
        await DrainToAsync(klinky, RequestBudget.DefaultReserve);
        using var sandbox = Sandbox(key, pr, refreshAfter: "0");
        WriteManifest(sandbox, pr, link, status, withTime ? link.CreatedAt : null);

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("0", sandbox.ReadOutputs()["klinky-requests"]);
        Assert.Contains("There are no saved figures to show", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(GitHub.Comments(RunnerSandbox.Repository, pr));
    }

    [Fact]
    public async Task FiguresReadInTheRunningWindow_LeaveHalfOfTheReportsShare_ToAFirstReport()
    {
        const int first = 4921;
        const int waiting = 4922;
        var key = Keys[1];
        using var klinky = Client(key);
        var refreshed = await CreateLinkAsync(klinky, $"home-pr{first}");
        var fresh = await CreateLinkAsync(klinky, $"home-pr{waiting}");
        using (var sandbox = Sandbox(key, first, refreshAfter: "0"))
        {
            WriteManifest(sandbox, first, refreshed, "up to date", null);
            Assert.Equal(0, (await sandbox.RunAsync()).ExitCode);
        }

        // 30 a window, 10 left to builds: a report whose figures are of this window leaves (30 - 10) / 2 = 10 more.
        await DrainToAsync(klinky, 20);
        using var again = Sandbox(key, first, refreshAfter: "0", reserve: "10");
        WriteManifest(again, first, refreshed, "up to date", null);
        using var newcomer = Sandbox(key, waiting, refreshAfter: "0", reserve: "10");
        WriteManifest(newcomer, waiting, fresh, "up to date", null);

        var waited = await again.RunAsync();
        var read = await newcomer.RunAsync();

        Assert.True(waited.ExitCode == 0, waited.ToString());
        Assert.Equal("0", again.ReadOutputs()["klinky-requests"]);
        Assert.Contains("::notice", waited.Stdout, StringComparison.Ordinal);
        Assert.True(read.ExitCode == 0, read.ToString());
        Assert.Equal("1", newcomer.ReadOutputs()["klinky-requests"]);
        Assert.Contains("6 clicks", Assert.Single(GitHub.Comments(RunnerSandbox.Repository, waiting)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiguresOfAnEndedWindow_AreRefreshedDownToTheReserve()
    {
        const int pr = 4931;
        var key = Keys[2];
        using var klinky = Client(key);
        var link = await CreateLinkAsync(klinky, $"home-pr{pr}");

        // Saved data that says no window (written before the window was kept, or at a link's creation): it is not of this window.
        var saved = new SavedReport(new[] { new SavedLink(link.Id, link.Slug, link.Name, null, 100, null, new[] { new VariantCounts("control", 50, 1, 0), new VariantCounts("variant_b", 50, 0, 0) }, DateTimeOffset.UtcNow.AddMinutes(-30)) });
        GitHub.AddComment(RunnerSandbox.Repository, pr, "klinky-bot", "<!-- klinky-report:default -->\n## old\n\n" + ReportData.Write(saved, key) + "\n");
        await DrainToAsync(klinky, 11);
        using var sandbox = Sandbox(key, pr, refreshAfter: "0", reserve: "10");
        WriteManifest(sandbox, pr, link, "up to date", null);

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("1", sandbox.ReadOutputs()["klinky-requests"]);
        var body = Assert.Single(GitHub.Comments(RunnerSandbox.Repository, pr)).Body;
        Assert.Contains("6 clicks", body, StringComparison.Ordinal);
        Assert.Equal(10, (await RequestBudget.ReadAsync(klinky))!.Remaining);
    }

    private static async Task DrainToAsync(KlinkyClient klinky, int remaining)
    {
        while ((await RequestBudget.ReadAsync(klinky))!.Remaining > remaining)
        {
            await klinky.Links.ListAsync(new LinkListOptions { PerPage = 1 });
        }
    }

    private Task<Link> CreateLinkAsync(KlinkyClient klinky, string slug) => CreateLinkAsync(klinky, "Home " + slug, slug);

    // The job after the build: only api-key (the default selection reads the build's manifest in the workspace).
    private RunnerSandbox Sandbox(string key, int pr, string refreshAfter = "10", string reserve = "20") =>
        base.Sandbox(key, pr).WithInput("refresh-after", refreshAfter).WithInput("budget-reserve", reserve);

    private static void WriteManifest(RunnerSandbox sandbox, int pullRequest, Link link, string status, DateTimeOffset? createdAt)
    {
        var path = Path.Combine(sandbox.Workspace, "web", "obj", "Release", "net10.0", "klinky-links.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var entry = new LinkManifestEntry { Id = link.Id, Slug = link.Slug, Name = link.Name, Status = status, CreatedAt = createdAt, Variants = link.Variants };
        File.WriteAllText(path, new LinkManifest { PullRequest = pullRequest, Links = new[] { entry } }.ToJson());
    }
}
