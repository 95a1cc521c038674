using Deque.AxeCore.Playwright;
using Klinky.Emulator.Dashboard.Tests.Support;
using Klinky.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Klinky.Emulator.Dashboard.Tests.Browser;

/// <summary>
/// The dashboard in a browser reaching the emulator through a relay to its Unix socket (a peer that is not loopback, as behind
/// a reverse proxy): refused without --dashboard-remote; with it, a login form whose cookie the browser keeps HttpOnly and Strict.
/// </summary>
public sealed class RemoteLoginBrowserTests : IClassFixture<BrowserFixture>
{
    private readonly BrowserFixture _fixture;

    public RemoteLoginBrowserTests(BrowserFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task WithoutTheFlag_TheBrowserIsRefused()
    {
        var socket = UnixSocketClient.NewSocketPath();
        await using var emulator = await EmulatorProcess.StartAsync(new EmulatorOptions { Urls = $"http://127.0.0.1:0;http://unix:{socket}" });
        await using var bridge = new UnixSocketBridge(socket);
        var page = await _fixture.OpenAsync();

        var answer = await page.GotoAsync(bridge.Uri + "_klinky/");

        Assert.Equal(403, answer!.Status);
        await Expect(page.Locator("body")).ToContainTextAsync("--dashboard-remote");
        await BrowserFixture.ScreenshotAsync(page, "remote-refused");
    }

    [Fact]
    public async Task WithTheFlag_TheBrowserSignsInWithTheKey_AndKeepsAnHttpOnlyStrictCookie()
    {
        var socket = UnixSocketClient.NewSocketPath();
        await using var emulator = await EmulatorProcess.StartAsync(new EmulatorOptions
        {
            Urls = $"http://127.0.0.1:0;http://unix:{socket}",
            ExtraArguments = new[] { "--dashboard-remote" },
        });
        using (var api = new HttpClient { BaseAddress = new Uri(emulator.RootUrl + "/") })
        {
            api.DefaultRequestHeaders.Add("X-API-Key", emulator.ApiKey);
            var created = await api.PostAsync("api/v1/public/links", System.Net.Http.Json.JsonContent.Create(new
            {
                name = "Remote view",
                slug = "remote-view",
                variants = new[] { new { label = "control", destination_url = "https://example.com/a", weight = 100 } },
            }));
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        }

        await using var bridge = new UnixSocketBridge(socket);
        var page = await _fixture.OpenAsync();

        var first = await page.GotoAsync(bridge.Uri + "_klinky/");
        Assert.Equal(401, first!.Status);
        await Expect(page.GetByLabel("API key")).ToBeVisibleAsync();
        Assert.Equal("rgb(24, 24, 27)", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.top')).backgroundColor"));
        Assert.DoesNotContain("remote-view", await page.ContentAsync(), StringComparison.Ordinal);
        var axe = await page.RunAxe();
        Assert.DoesNotContain(axe.Violations, v => v.Impact is "serious" or "critical");
        await BrowserFixture.ScreenshotAsync(page, "remote-login");

        await page.GetByLabel("API key").FillAsync(EmulatorProcess.NewApiKey());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not one this emulator accepts");

        await page.GetByLabel("API key").FillAsync(emulator.ApiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "remote-view" })).ToBeVisibleAsync();

        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "klinky_dashboard");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Equal("/_klinky", cookie.Path);
        Assert.DoesNotContain(emulator.ApiKey, cookie.Value, StringComparison.Ordinal);
        Assert.Null(await page.EvaluateAsync<string?>("() => document.cookie.includes('klinky_dashboard') ? document.cookie : null"));

        await page.GotoAsync(bridge.Uri + "_klinky/budget");
        Assert.DoesNotContain(emulator.ApiKey, await page.ContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "remote-budget");
    }
}
