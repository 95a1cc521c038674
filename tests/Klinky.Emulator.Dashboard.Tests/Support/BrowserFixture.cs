using Klinky.Testing;
using Microsoft.Playwright;

namespace Klinky.Emulator.Dashboard.Tests.Support;

/// <summary>
/// An emulator and a headless Chromium: Debian's <c>/usr/bin/chromium</c> (build.sh's test tools install it) driven by
/// Playwright's node driver, which ships in its package. Screenshots go to <see cref="ScreenshotDirectory"/>, beside the test results.
/// </summary>
public sealed class BrowserFixture : DashboardFixture
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotDirectory { get; } = Path.Combine(RepositoryPaths.Artifacts, "test-results", "Klinky.Emulator.Dashboard.Tests", "screenshots");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium package (./build.sh test does)");
        _playwright = await Playwright.CreateAsync();

        // --no-sandbox: the tests may run as root (in CI containers), where Chromium's sandbox refuses to start.
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = new[] { "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu" },
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await base.DisposeAsync();
    }

    public async Task<IPage> OpenAsync(int width = 1280, int height = 800, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = Emulator.RootUrl,
            JavaScriptEnabled = javaScript,
        });
        return await context.NewPageAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
}
