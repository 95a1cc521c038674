namespace Klinky.Action.Tests.EndToEnd;

/// <summary>The manifest input, and the dry run outside GitHub that the demo uses.</summary>
[Collection(ActionEndToEndCollection.Name)]
public sealed class ManifestAndDryRunTests
{
    private readonly ActionEndToEndFixture _fixture;

    public ManifestAndDryRunTests(ActionEndToEndFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task ManifestGlob_ReportsEveryLinkItLists()
    {
        const int pr = 401;
        var a = await _fixture.CreateLinkAsync("e2e-manifest-a", clicks: 3);
        var b = await _fixture.CreateLinkAsync("e2e-manifest-b", clicks: 2);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("manifest", "**/klinky-links.json");
        var folder = Directory.CreateDirectory(Path.Combine(sandbox.Workspace, "src", "Web", "obj", "Release")).FullName;

        // The shape Klinky.Build writes: the links a build created or updated.
        File.WriteAllText(Path.Combine(folder, "klinky-links.json"), $$"""
            {"links": [
              {"id": "{{a.Id}}", "slug": "e2e-manifest-a", "short_url": "{{a.ShortUrl}}", "name": "Checkout", "status": "created", "item": "Checkout",
               "variants": [{"label": "control", "destination_url": "https://example.com/a", "weight": 50}, {"label": "variant_b", "destination_url": "https://example.com/b", "weight": 50}]},
              {"id": "{{b.Id}}", "slug": "e2e-manifest-b", "short_url": "{{b.ShortUrl}}", "name": "Pricing", "status": "updated", "item": "Pricing"}
            ], "pull_request": 401, "commit": "abc"}
            """);

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        var body = Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr)).Body;
        Assert.Contains("e2e-manifest-a", body, StringComparison.Ordinal);
        Assert.Contains("e2e-manifest-b", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManifestThatMatchesNothing_WarnsAndStillReportsTheOtherInputs()
    {
        const int pr = 402;
        await _fixture.CreateLinkAsync("e2e-manifest-none", clicks: 1);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("manifest", "obj/*.json").WithInput("links", "e2e-manifest-none");

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("::warning title=Klinky::The manifest input 'obj/*.json' matched no file", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideGitHub_PrintsOnlyTheMarkdown_AndTouchesNothing()
    {
        await _fixture.CreateLinkAsync("e2e-dry-a", clicks: 4);
        using var sandbox = _fixture.Sandbox(403, _fixture.UserToken).WithInput("links", "e2e-dry-a");
        sandbox.Environment.Remove("GITHUB_ACTIONS");
        sandbox.Environment.Remove("CI");
        _fixture.GitHub.ClearRequests();

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("e2e-dry-a", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("::", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(_fixture.Emulator.ApiKey, result.All, StringComparison.Ordinal);
        Assert.DoesNotContain(_fixture.UserToken, result.All, StringComparison.Ordinal);
        Assert.Empty(_fixture.GitHub.Requests);
    }

    [Fact]
    public async Task DryRunOnARunner_MasksSecrets_PrintsTheReport_PostsNothing()
    {
        await _fixture.CreateLinkAsync("e2e-dry-b", clicks: 1);
        using var sandbox = _fixture.Sandbox(404, _fixture.UserToken).WithInput("links", "e2e-dry-b");
        _fixture.GitHub.ClearRequests();

        var result = await sandbox.RunAsync("--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("::add-mask::" + _fixture.Emulator.ApiKey + "\n::add-mask::" + _fixture.UserToken + "\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("e2e-dry-b", result.Stdout, StringComparison.Ordinal);
        FailureTests.AssertSecretOnlyMasked(result, _fixture.Emulator.ApiKey);
        FailureTests.AssertSecretOnlyMasked(result, _fixture.UserToken);
        Assert.Empty(_fixture.GitHub.Requests);
    }

    [Fact]
    public async Task KeyPastedIntoTheBaseUrl_IsInNoFileTheActionWrites()
    {
        // The console masks it; the step files, the workspace and the runner's temp folder must not hold it either.
        const int pr = 406;
        await _fixture.CreateLinkAsync("e2e-secret-url", clicks: 1);
        var root = new Uri(_fixture.Emulator.BaseUrl);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-secret-url")
            .WithInput("base-url", $"{root.Scheme}://{root.Authority}/{_fixture.Emulator.ApiKey}/api/v1");

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Contains("base-url", result.Stdout, StringComparison.Ordinal);
        FailureTests.AssertSecretOnlyMasked(result, _fixture.Emulator.ApiKey);
        var written = Directory.EnumerateFiles(Path.GetDirectoryName(sandbox.Workspace)!, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(sandbox.OutputPath, written);
        Assert.All(written, file => Assert.False(
            File.ReadAllText(file).Contains(_fixture.Emulator.ApiKey, StringComparison.Ordinal),
            $"{Path.GetFileName(file)} holds the API key"));
    }

    [Fact]
    public async Task SecretsNeverReachOutputsSummaryOrReportFile()
    {
        const int pr = 405;
        await _fixture.CreateLinkAsync("e2e-secret-a", clicks: 1);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-secret-a");

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        FailureTests.AssertSecretOnlyMasked(result, _fixture.Emulator.ApiKey);
        FailureTests.AssertSecretOnlyMasked(result, _fixture.UserToken);
        var files = Directory.EnumerateFiles(sandbox.Workspace, "*", SearchOption.AllDirectories).Append(sandbox.OutputPath).Append(sandbox.SummaryPath);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain(_fixture.Emulator.ApiKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(_fixture.UserToken, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(_fixture.Emulator.ApiKey, Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr)).Body, StringComparison.Ordinal);
    }
}
