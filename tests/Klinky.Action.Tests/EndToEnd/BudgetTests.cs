using Klinky.Testing.GitHub;
using Klinky.Links;
using Klinky.RateLimits;
using Klinky.Reporting;
using Klinky.Stats;
using Klinky.Testing;

namespace Klinky.Action.Tests.EndToEnd;

/// <summary>
/// The report against a small budget (the emulator's test-only 30 requests an hour, one key per test): it never spends
/// the reserve left to builds, refreshes the stalest links first, and when it can refresh nothing shows the comment's
/// saved figures with their age, as a notice.
/// </summary>
public sealed class BudgetTests() : SmallBudgetTests(keys: 2)
{
    [Fact]
    public async Task OnlyTheReserveLeft_ShowsTheSavedFiguresWithTheirAge_SpendsNothing_AndNoticesOrFailsOnStale()
    {
        const int pr = 4801;
        using var klinky = Client(Keys[0]);
        await CreateLinkAsync(klinky, $"pr-{pr}-a");
        var first = await RunAsync(Keys[0], pr, ("slug-prefix", $"pr-{pr}-"), ("refresh-after", "0"));
        Assert.True(first.Result.ExitCode == 0, first.Result.ToString());
        while ((await RequestBudget.ReadAsync(klinky))!.Remaining > RequestBudget.DefaultReserve)
        {
            await klinky.Links.ListAsync(new LinkListOptions { PerPage = 1 });
        }

        var quiet = await RunAsync(Keys[0], pr, ("slug-prefix", $"pr-{pr}-"), ("refresh-after", "0"));
        var strict = await RunAsync(Keys[0], pr, ("slug-prefix", $"pr-{pr}-"), ("refresh-after", "0"), ("fail-on-stale", "true"));

        Assert.True(quiet.Result.ExitCode == 0, quiet.Result.ToString());
        Assert.Equal("0", quiet.Outputs["klinky-requests"]);
        Assert.Equal("20", quiet.Outputs["klinky-budget-left"]);
        Assert.Contains("::notice", quiet.Result.Stdout, StringComparison.Ordinal);
        var body = Assert.Single(GitHub.Comments(RunnerSandbox.Repository, pr)).Body;
        Assert.Matches(@"Figures as of \d\d:\d\d UTC; Klinky's hourly budget is spent until \d\d:\d\d(:\d\d)? UTC", body);
        Assert.Contains("6 clicks", body, StringComparison.Ordinal);
        Assert.True(strict.Result.ExitCode == 1, strict.Result.ToString());
        Assert.Contains("fail-on-stale", strict.Result.Stdout, StringComparison.Ordinal);
        Assert.Equal(RequestBudget.DefaultReserve, (await RequestBudget.ReadAsync(klinky))!.Remaining);
    }

    [Fact]
    public async Task PartialBudget_RefreshesTheStalestLinkFirst_AndKeepsTheOthersSavedFigures()
    {
        const int pr = 4802;
        var key = Keys[1];
        using var klinky = Client(key);
        var links = new List<Link>();
        foreach (var name in new[] { "a", "b", "c" })
        {
            links.Add(await CreateLinkAsync(klinky, $"pr-{pr}-{name}"));
        }

        var now = DateTimeOffset.UtcNow;
        var ages = new[] { 50, 5, 30 };
        var saved = new SavedReport(links.Select((l, i) => new SavedLink(l.Id, l.Slug, l.Name, null, 100, null, new[] { new VariantCounts("control", 50, 1, 0), new VariantCounts("variant_b", 50, 1, 0) }, now.AddMinutes(-ages[i]))).ToList());
        GitHub.AddComment(RunnerSandbox.Repository, pr, "klinky-bot", "<!-- klinky-report:default -->\n## old\n\n" + ReportData.Write(saved, key) + "\n");

        // Room for the listing and one stats read above the reserve (figures of no known window come first: no room left to others).
        var remaining = (await RequestBudget.ReadAsync(klinky))!.Remaining;
        var run = await RunAsync(key, pr, ("slug-prefix", $"pr-{pr}-"), ("refresh-after", "0"), ("budget-reserve", (remaining - 2).ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.True(run.Result.ExitCode == 0, run.Result.ToString());
        Assert.Equal("2", run.Outputs["klinky-requests"]);
        var body = Assert.Single(GitHub.Comments(RunnerSandbox.Repository, pr), c => c.Login == "klinky-bot").Body;
        Assert.Contains("1 of 3 links refreshed", body, StringComparison.Ordinal);
        var read = ReportData.Read(body, key, DateTimeOffset.UtcNow).Report!;
        Assert.InRange(read.Find(links[0].Id)!.ReadAt, now.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Equal(now.AddMinutes(-5).ToUnixTimeSeconds(), read.Find(links[1].Id)!.ReadAt.ToUnixTimeSeconds());
        Assert.Equal(now.AddMinutes(-30).ToUnixTimeSeconds(), read.Find(links[2].Id)!.ReadAt.ToUnixTimeSeconds());
        Assert.Equal(6, read.Find(links[0].Id)!.Variants.Sum(v => v.Clicks));
        Assert.DoesNotContain("::notice", run.Result.Stdout, StringComparison.Ordinal);
    }

    private Task<Link> CreateLinkAsync(KlinkyClient klinky, string slug) => CreateLinkAsync(klinky, "Budget " + slug, slug);

    private async Task<(ActionResult Result, IReadOnlyDictionary<string, string> Outputs)> RunAsync(string key, int pr, params (string Name, string Value)[] inputs)
    {
        using var sandbox = Sandbox(key, pr);
        foreach (var (name, value) in inputs)
        {
            sandbox.WithInput(name, value);
        }

        var result = await sandbox.RunAsync();
        return (result, sandbox.ReadOutputs());
    }
}
