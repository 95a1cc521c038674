using System.Text;
using System.Text.Json;

namespace Klinky.Build.Tests.Packaging;

/// <summary>
/// The package as a user gets it: restored from a folder feed into a console app, run by the real dotnet CLI against
/// a real emulator. Each test uses its own pull request number, so its own slug, on the shared emulator.
/// </summary>
public sealed class PackagedBuildTests : IClassFixture<ConsoleAppFixture>
{
    private readonly ConsoleAppFixture _fixture;

    public PackagedBuildTests(ConsoleAppFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Publish_CreatesTheLinkWithTheItemsVariants_AndWritesTheManifest()
    {
        var result = await _fixture.DotnetAsync("publish", 42);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"Klinky: checkout-pr42 -> {_fixture.Emulator.RootUrl}/checkout-pr42 (created)", result.Output, StringComparison.Ordinal);
        var link = Assert.Single(await _fixture.LinksWithSlugAsync("checkout-pr42"));
        Assert.Equal("Checkout preview", link.Name);
        Assert.Equal(new[] { "control:50=https://shop.example.com/checkout", "preview:50=https://preview.shop.example.com/checkout" }, link.Variants.Select(v => v.ToString()));

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_fixture.Sample.Directory, "obj", "Release", "net10.0", "klinky-links.json")));
        var entry = Assert.Single(manifest.RootElement.GetProperty("links").EnumerateArray());
        Assert.Equal(link.Id, entry.GetProperty("id").GetString());
        Assert.Equal("created", entry.GetProperty("status").GetString());
        Assert.Equal(link.ShortUrl, entry.GetProperty("short_url").GetString());
        Assert.Equal(42, manifest.RootElement.GetProperty("pull_request").GetInt32());
    }

    [Fact]
    public async Task SecondPublish_Unchanged_SendsNoRequest()
    {
        var first = await _fixture.DotnetAsync("publish", 43);
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = await _fixture.RemainingRequestsAsync();

        var second = await _fixture.DotnetAsync("publish", 43);

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(before, await _fixture.RemainingRequestsAsync());
        Assert.Contains("Klinky: checkout-pr43 -> ", second.Output, StringComparison.Ordinal);
        Assert.Contains("(up to date, no request sent)", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FreshMachine_UnchangedLink_CostsOneRequestAndNoDuplicate()
    {
        var first = await _fixture.DotnetAsync("build", 44, "-p:KlinkyRunAfterTargets=Build");
        Assert.True(first.ExitCode == 0, first.ToString());
        File.Delete(Path.Combine(_fixture.Sample.Directory, "obj", "Release", "net10.0", "klinky.state.txt"));
        var before = await _fixture.RemainingRequestsAsync();

        var again = await _fixture.DotnetAsync("build", 44, "-p:KlinkyRunAfterTargets=Build");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("checkout-pr44 (unchanged)", again.Output.Replace(" -> " + _fixture.Emulator.RootUrl + "/", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(before - 1, await _fixture.RemainingRequestsAsync());
        Assert.Single(await _fixture.LinksWithSlugAsync("checkout-pr44"));
    }

    [Fact]
    public async Task ChangedWeight_SendsOneUpdate()
    {
        var first = await _fixture.DotnetAsync("build", 45, "-p:KlinkyRunAfterTargets=Build");
        Assert.True(first.ExitCode == 0, first.ToString());
        var before = await _fixture.RemainingRequestsAsync();

        var changed = await _fixture.DotnetAsync("build", 45, "-p:KlinkyRunAfterTargets=Build", "-p:ControlWeight=80", "-p:PreviewWeight=20");

        Assert.True(changed.ExitCode == 0, changed.ToString());
        Assert.Contains("/checkout-pr45 (updated)", changed.Output, StringComparison.Ordinal);
        Assert.Equal(before - 2, await _fixture.RemainingRequestsAsync());
        var link = Assert.Single(await _fixture.LinksWithSlugAsync("checkout-pr45"));
        Assert.Equal(new[] { 80, 20 }, link.Variants.Select(v => v.Weight));
    }

    [Fact]
    public async Task DesignTimeBuild_SendsNothing()
    {
        var before = await _fixture.RemainingRequestsAsync();

        var result = await _fixture.DotnetAsync("build", 46, "-p:KlinkyRunAfterTargets=Build", "-p:DesignTimeBuild=true");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("Klinky:", result.Output, StringComparison.Ordinal);
        await _fixture.AssertNothingSentAsync(before, "checkout-pr46");
    }

    [Fact]
    public async Task ApiKey_NeverInTheBinaryLogOrTheConsole()
    {
        var binlog = Path.Combine(_fixture.Sample.Directory, "key-check.binlog");

        var result = await _fixture.DotnetAsync("build", 47, "-p:KlinkyRunAfterTargets=Build", "-bl:" + binlog, "-v:diag");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(await _fixture.LinksWithSlugAsync("checkout-pr47"));
        Assert.DoesNotContain(_fixture.Emulator.ApiKey, result.Output, StringComparison.Ordinal);
        var log = await BinaryLog.ReadAsync(binlog);
        Assert.Contains("checkout-pr47", log, StringComparison.Ordinal);
        Assert.Contains("KLINKY_API_KEY", log, StringComparison.Ordinal);
        Assert.DoesNotContain(_fixture.Emulator.ApiKey, log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiKeyInsideTheBaseUrl_IsInNoFileTheBuildWrites()
    {
        // A user who pastes the key into the URL: the console masks it, and so must every file under obj/, bin/ and the project.
        var keyInUrl = BaseUrlWithTheKeyInside();

        var result = await _fixture.DotnetAsync("build", 57, "-p:KlinkyRunAfterTargets=Build", "-p:KlinkyBaseUrl=" + keyInUrl);

        Assert.DoesNotContain(_fixture.Emulator.ApiKey, result.Output, StringComparison.Ordinal);
        var written = Directory.EnumerateFiles(_fixture.Sample.Directory, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(written, f => f.EndsWith("klinky.request.txt", StringComparison.Ordinal));
        Assert.All(written, f => Assert.False(
            File.ReadAllText(f, Encoding.Latin1).Contains(_fixture.Emulator.ApiKey, StringComparison.Ordinal),
            $"{Path.GetRelativePath(_fixture.Sample.Directory, f)} holds the API key"));
    }

    private string BaseUrlWithTheKeyInside()
    {
        var root = new Uri(_fixture.Emulator.BaseUrl);
        return $"{root.Scheme}://{root.Authority}/{_fixture.Emulator.ApiKey}/api/v1";
    }

    [Fact]
    public async Task InvalidItems_FailTheBuildWithKlinky003AndSendNothing()
    {
        var before = await _fixture.RemainingRequestsAsync();

        var result = await _fixture.DotnetAsync("build", 48, "-p:KlinkyRunAfterTargets=Build", "-p:PreviewWeight=40");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error KLINKY003: KlinkyPreviewLink 'checkout': variant 'preview' (variants[1].weight): weights sum to 90, they must sum to 100.", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, await _fixture.RemainingRequestsAsync());
    }

    [Fact]
    public async Task OutsideCi_EnabledInTheProjectWithNoKey_PublishSucceedsCreatingNothing_InOneMessageLine()
    {
        var before = await _fixture.RemainingRequestsAsync();

        var result = await _fixture.DotnetAsync("publish", 0, new Dictionary<string, string> { ["KLINKY_API_KEY"] = "" });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(result.Output.Split('\n'), l => l.Contains("Klinky: no preview link created: no pull request, branch or tag is known", StringComparison.Ordinal));
        Assert.DoesNotContain("KLINKY0", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, await _fixture.RemainingRequestsAsync());
    }

    [Fact]
    public async Task OutsideCi_WithKlinkyRequireContext_FailsWithKlinky008NamingIt()
    {
        var result = await _fixture.DotnetAsync("publish", 0, "-p:KlinkyRequireContext=true");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error KLINKY008: No pull request, branch or tag is known (not a CI run), and KlinkyRequireContext is true", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyPreviewBaseUrl_Klinky003NamesTheProperty()
    {
        var result = await _fixture.DotnetAsync("build", 64, "-p:KlinkyRunAfterTargets=Build", "-p:PreviewBaseUrl=");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error KLINKY003: KlinkyPreviewLink 'checkout': variant 'preview' (variants[1].destination_url): '/checkout' is not an absolute", result.Output, StringComparison.Ordinal);
        Assert.Contains("its Url is written \"$(PreviewBaseUrl)/checkout\" and the property PreviewBaseUrl is empty", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BaseUrlFromKLINKY_BASE_URL_IsNamedSoWhenWrong()
    {
        var result = await _fixture.Sample.RunAsync(
            new[] { "build", "--no-restore", "-c", "Release", "-p:KlinkyRunAfterTargets=Build", "-p:KlinkyPullRequestNumber=65" },
            new Dictionary<string, string> { ["KLINKY_BASE_URL"] = "klinky.example/api/v1", ["KLINKY_API_KEY"] = _fixture.Emulator.ApiKey });

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error KLINKY008: KLINKY_BASE_URL 'klinky.example/api/v1' is not an absolute http(s) URL", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingKey_FailsTheBuildWithKlinky001()
    {
        var result = await _fixture.DotnetAsync("build", 49, new Dictionary<string, string> { ["KLINKY_API_KEY"] = "" }, "-p:KlinkyRunAfterTargets=Build");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error KLINKY001: KlinkyEnabled is true but the environment variable KLINKY_API_KEY is empty.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KlinkyDown_WarnsKlinky007AndTheBuildSucceeds()
    {
        var result = await _fixture.DotnetAsync("build", 50, "-p:KlinkyRunAfterTargets=Build", "-p:KlinkyBaseUrl=" + Infrastructure.SilentServer.ClosedBaseUrl());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning KLINKY007: Klinky could not create or update the link 'checkout-pr50'", result.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_fixture.Sample.Directory, "bin", "Release", "net10.0", "Sample.dll")));
    }

    [Fact]
    public async Task KlinkyDownAfterASuccessfulRun_DoesNotReportTheOldLinkAsUpToDate()
    {
        var first = await _fixture.DotnetAsync("build", 55, "-p:KlinkyRunAfterTargets=Build");
        Assert.True(first.ExitCode == 0, first.ToString());

        var result = await _fixture.DotnetAsync("build", 56, "-p:KlinkyRunAfterTargets=Build", "-p:KlinkyBaseUrl=" + Infrastructure.SilentServer.ClosedBaseUrl());

        Assert.Contains("warning KLINKY007", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("up to date", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KlinkyDownWithFailOnError_FailsTheBuild()
    {
        var result = await _fixture.DotnetAsync("build", 51, "-p:KlinkyRunAfterTargets=Build", "-p:KlinkyBaseUrl=" + Infrastructure.SilentServer.ClosedBaseUrl(), "-p:KlinkyFailOnError=true");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error KLINKY007:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KlinkyNotEnabled_DoesNothingAndSaysNothing()
    {
        var before = await _fixture.RemainingRequestsAsync();

        var result = await _fixture.DotnetAsync("build", 52, "-p:KlinkyRunAfterTargets=Build", "-p:KlinkyEnabled=false");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("Klinky:", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("KLINKY0", result.Output, StringComparison.Ordinal);
        Assert.Equal(before, await _fixture.RemainingRequestsAsync());
    }

    [Fact]
    public async Task HostWithoutNetTaskSupport_WarnsKlinky004AndSkips()
    {
        var result = await _fixture.DotnetAsync("build", 53, "-p:KlinkyRunAfterTargets=Build", "-p:_KlinkyTaskHost=Unsupported");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("warning KLINKY004", result.Output, StringComparison.Ordinal);
        Assert.Empty(await _fixture.LinksWithSlugAsync("checkout-pr53"));
    }

    [Fact]
    public async Task NetTaskHost_RunsTheTaskOutOfProcess()
    {
        // The UsingTask shape Visual Studio's MSBuild 18 takes (TaskHostFactory, Runtime="NET"), exercised on .NET MSBuild.
        var result = await _fixture.DotnetAsync("build", 54, "-p:KlinkyRunAfterTargets=Build", "-p:_KlinkyTaskHost=NetTaskHost");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("/checkout-pr54 (created)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnderGitHubActions_TakesThePullRequestFromTheEventAndWritesOutputs()
    {
        var temp = Path.Combine(_fixture.Sample.Directory, "gha");
        Directory.CreateDirectory(temp);
        var output = Path.Combine(temp, "output.txt");
        var summary = Path.Combine(temp, "summary.md");
        var environment = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_EVENT_PATH"] = Klinky.Testing.GitHubEvents.PathOf("pull_request.opened"),
            ["GITHUB_REF"] = "refs/pull/2/merge",
            ["GITHUB_OUTPUT"] = output,
            ["GITHUB_STEP_SUMMARY"] = summary,
        };

        var result = await _fixture.DotnetAsync("build", 0, environment, "-p:KlinkyRunAfterTargets=Build");

        Assert.True(result.ExitCode == 0, result.ToString());
        var shortUrl = _fixture.Emulator.RootUrl + "/checkout-pr2";
        Assert.Contains($"Klinky: checkout-pr2 -> {shortUrl} (created)", result.Output, StringComparison.Ordinal);
        var outputs = await File.ReadAllTextAsync(output);
        Assert.Matches($"klinky-short-urls<<(ghadelimiter_[0-9a-f]{{32}})\n{shortUrl.Replace(".", "\\.", StringComparison.Ordinal)}\n\\1\n", outputs);
        Assert.Contains("| Checkout preview | " + shortUrl + " | control 50%, preview 50% | created |", await File.ReadAllTextAsync(summary), StringComparison.Ordinal);
    }
}
