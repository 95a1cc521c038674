using System.Text.Json;
using Deque.AxeCore.Playwright;
using Klinky.Emulator.Dashboard.Tests.Dashboard;
using Klinky.Emulator.Dashboard.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Klinky.Emulator.Dashboard.Tests.Browser;

/// <summary>The dashboard in a real browser: the tester's path through it, a cross-site form, accessibility and a phone's width.</summary>
public sealed class DashboardBrowserTests : IClassFixture<BrowserFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly BrowserFixture _fixture;

    public DashboardBrowserTests(BrowserFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task LinksPage_ThenALink_ASimulationStartedOnThePage_UpdatesCountsAndChartWithoutReload_ThenAWinnerIsDeclared()
    {
        var slug = DashboardFixture.NewSlug("checkout");
        var id = await _fixture.CreateLinkAsync(slug, "Checkout: preview vs control");
        var page = await _fixture.OpenAsync();

        await page.GotoAsync($"/_klinky/?slug={slug}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = slug })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "links");

        await page.GetByRole(AriaRole.Link, new() { Name = slug }).ClickAsync();
        await Expect(page).ToHaveURLAsync($"{_fixture.Emulator.RootUrl}/_klinky/links/{id}");
        await Expect(page.Locator("#chart-empty")).ToBeVisibleAsync();
        await Expect(page.Locator("#stream-state")).ToContainTextAsync("Connected");
        await page.EvaluateAsync("() => { window.notReloaded = true; }");

        await page.Locator("#visitors").FillAsync("600");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simulate" }).ClickAsync();
        await Expect(page.Locator("#action-status")).ToContainTextAsync("Simulating 600 visitors");

        // The counts, the stream and the chart move while the simulation runs, in the same page.
        await Expect(page.Locator("#stream li").First).ToContainTextAsync("clicks", new() { Timeout = (float)Patience.TotalMilliseconds });
        await Expect(page.Locator("svg.chart polyline.series")).ToHaveCountAsync(2, new() { Timeout = (float)Patience.TotalMilliseconds });
        await Expect(page.Locator(".verdict")).ToContainTextAsync("Total: 600 clicks", new() { Timeout = (float)Patience.TotalMilliseconds });
        await Expect(page.Locator("#action-status")).ToContainTextAsync("Simulated 600 visitors", new() { Timeout = (float)Patience.TotalMilliseconds });
        var shown = await page.Locator("tr[data-label='control'] .clicks").InnerTextAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page reloaded");
        Assert.NotEqual("0", shown);
        await BrowserFixture.ScreenshotAsync(page, "link-after-simulation");

        await page.Locator("#winner").SelectOptionAsync("preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Declare winner" }).ClickAsync();
        await Expect(page.Locator("#action-status")).ToContainTextAsync("Declared 'preview' the winner");
        await Expect(page.Locator(".verdict")).ToContainTextAsync("Declared winner: preview");
        Assert.Equal("preview", (await _fixture.LinkAsync(id)).GetProperty("winner_label").GetString());
        Assert.True(await page.EvaluateAsync<bool>("() => window.notReloaded === true"), "the page reloaded");
        await BrowserFixture.ScreenshotAsync(page, "link-after-winner");
    }

    [Fact]
    public async Task WithoutJavaScript_TheResetFormStillWorks_AndLandsBackOnTheLinksPage()
    {
        var slug = DashboardFixture.NewSlug("nojs");
        var id = await _fixture.CreateLinkAsync(slug);
        for (var i = 0; i < 12; i++)
        {
            using var visit = new HttpRequestMessage(HttpMethod.Get, slug);
            visit.Headers.Add("Cookie", $"klinky_vid=visitor{i:D4}nojs");
            await _fixture.Page.SendAsync(visit);
        }

        var page = await _fixture.OpenAsync(javaScript: false);
        await page.GotoAsync($"/_klinky/links/{id}");
        await Expect(page.Locator(".verdict")).ToContainTextAsync("Total: 12 clicks", new() { Timeout = (float)Patience.TotalMilliseconds });

        await page.GetByRole(AriaRole.Button, new() { Name = "Reset traffic" }).ClickAsync();

        await Expect(page).ToHaveURLAsync($"{_fixture.Emulator.RootUrl}/_klinky/links/{id}");
        await Expect(page.Locator(".verdict")).ToContainTextAsync("Total: 0 clicks");
    }

    [Fact]
    public async Task AFormOnAnotherSite_PostingToTheDashboard_IsRefused()
    {
        var id = await _fixture.CreateLinkAsync(DashboardFixture.NewSlug());
        var page = await _fixture.OpenAsync();

        // Even with a valid token (as if it had leaked), a post from another site (localhost is not 127.0.0.1's site) is refused.
        var csrf = DashboardFixture.CsrfOf(await _fixture.Page.GetStringAsync($"_klinky/links/{id}"));
        const string attacker = "http://localhost:1/";
        await page.RouteAsync(attacker + "**", route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Body = $"""
                <!doctype html><title>Win a prize</title>
                <form method="post" action="{_fixture.Emulator.RootUrl}/_klinky/links/{id}/winner">
                <input type="hidden" name="csrf" value="{csrf}"><input type="hidden" name="label" value="preview"><button>Claim</button></form>
                """,
        }));
        await page.GotoAsync(attacker);

        var answer = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync(), r => r.Url.EndsWith("/winner", StringComparison.Ordinal));

        Assert.Equal(403, answer.Status);
        Assert.Contains("Refused", await answer.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, (await _fixture.LinkAsync(id)).GetProperty("winner_label").ValueKind);
        await BrowserFixture.ScreenshotAsync(page, "cross-site-refused");
    }

    [Fact]
    public async Task HostileNamesAndLabels_RunNoScript_InThePageNorAfterLiveUpdates()
    {
        var slug = DashboardFixture.NewSlug();
        var id = await _fixture.CreateLinkAsync(slug, DashboardEscapingTests.HostileName, otherLabel: DashboardEscapingTests.HostileLabel, otherUrl: DashboardEscapingTests.HostileUrl);
        var page = await _fixture.OpenAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await page.GotoAsync($"/_klinky/links/{id}");
        await Expect(page.Locator("#stream-state")).ToContainTextAsync("Connected");
        for (var i = 0; i < 30; i++)
        {
            using var visit = new HttpRequestMessage(HttpMethod.Get, slug);
            visit.Headers.Add("Cookie", $"klinky_vid=visitor{i:D4}browser");
            await _fixture.Page.SendAsync(visit);
        }

        await Expect(page.Locator("#stream li").First).ToContainTextAsync("clicks", new() { Timeout = (float)Patience.TotalMilliseconds });
        await Expect(page.Locator(".verdict")).ToContainTextAsync("Total: 30 clicks", new() { Timeout = (float)Patience.TotalMilliseconds });

        await Expect(page.Locator("h1")).ToHaveTextAsync(DashboardEscapingTests.HostileName);
        Assert.Equal(0, dialogs);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.pwned ?? null"));
        Assert.Equal(0, await page.Locator("main img, main script, main svg[onload]").CountAsync());
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task EveryPage_PassesAxeWithoutSeriousViolations_AndFitsTheWidth(int width, int height)
    {
        var slug = DashboardFixture.NewSlug("layout");
        var id = await _fixture.CreateLinkAsync(slug, "Pricing page: annual plan first", otherLabel: "annual_first");
        for (var i = 0; i < 40; i++)
        {
            using var visit = new HttpRequestMessage(HttpMethod.Get, slug);
            visit.Headers.Add("Cookie", $"klinky_vid=visitor{i:D4}layout");
            await _fixture.Page.SendAsync(visit);
        }

        await _fixture.Api.GetAsync("api/v1/public/links");
        var page = await _fixture.OpenAsync(width, height);
        foreach (var (name, path) in new[] { ("links", "/_klinky/"), ("link", $"/_klinky/links/{id}"), ("budget", "/_klinky/budget") })
        {
            await page.GotoAsync(path);
            // The load event, with the suite's patience: not network idle, which the link page's open event stream never
            // reaches (waiting for it only ever ended on a short clock, which a loaded machine could cut before the load).
            await page.WaitForLoadStateAsync(LoadState.Load, new() { Timeout = (float)Patience.TotalMilliseconds });

            var axe = await page.RunAxe();
            var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}").ToList();
            Assert.True(serious.Count == 0, $"{name} at {width}×{height}: " + string.Join("\n", serious));

            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{name} at {width}×{height} scrolls sideways by {overflow}px");
            await BrowserFixture.ScreenshotAsync(page, $"{name}-{width}x{height}");
        }
    }
}
