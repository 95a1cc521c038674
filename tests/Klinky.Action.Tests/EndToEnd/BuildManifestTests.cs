using System.Text.Json;
using Klinky.Testing;

namespace Klinky.Action.Tests.EndToEnd;

/// <summary>
/// The manifest input fed with what a real Klinky.Build run wrote: the demo's script publishes a project with the packed
/// package (artifacts/packages) against the emulator and copies its manifest into the workspace, as a CI job would.
/// </summary>
[Collection(ActionEndToEndCollection.Name)]
public sealed class BuildManifestTests
{
    private readonly ActionEndToEndFixture _fixture;

    public BuildManifestTests(ActionEndToEndFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task ManifestFromAKlinkyBuildPublish_ReportsItsLink_WithOneRequest()
    {
        const int pr = 411;
        // No refresh interval: within one of the link's creation, its counts then (zero) stand in for a read (BudgetFirstReportTests).
        using var sandbox = _fixture.Sandbox(pr, _fixture.InstallationToken).WithInput("manifest", "**/klinky-links.json").WithInput("refresh-after", "0");
        var manifestPath = Path.Combine(Directory.CreateDirectory(Path.Combine(sandbox.Workspace, "obj")).FullName, "klinky-links.json");
        await PublishWithKlinkyBuildAsync(pr, manifestPath);
        using var manifest = JsonDocument.Parse(File.ReadAllText(manifestPath));
        var entry = Assert.Single(manifest.RootElement.GetProperty("links").EnumerateArray());
        var slug = entry.GetProperty("slug").GetString()!;
        await _fixture.ClickAsync(slug, 5);
        _fixture.GitHub.ClearRequests();

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        var comment = Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr));
        Assert.Contains(slug, comment.Body, StringComparison.Ordinal);
        Assert.Equal("github-actions[bot]", comment.Login);
        Assert.All(_fixture.GitHub.UserAgents, agent => Assert.StartsWith("Klinky.Action/", agent, StringComparison.Ordinal));
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(sandbox.RunnerTemp, sandbox.ReadOutputs()["report-path"])));
        var link = Assert.Single(report.RootElement.GetProperty("links").EnumerateArray());
        Assert.Equal(entry.GetProperty("id").GetString(), link.GetProperty("id").GetString());
        Assert.Equal(5, link.GetProperty("stats").GetProperty("total_clicks").GetInt64());

        // The manifest carries the link's id: no listing, one stats request.
        Assert.Equal(1, report.RootElement.GetProperty("klinky_requests").GetInt64());
    }

    private async Task PublishWithKlinkyBuildAsync(int pullRequest, string manifestOut)
    {
        var run = await ToolRun.RunAsync(
            "bash",
            [Path.Combine(RepositoryPaths.Root, "demo", "msbuild", "create-preview-link.sh"), _fixture.Emulator.BaseUrl, pullRequest.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            new ToolRunOptions
            {
                WorkingDirectory = RepositoryPaths.Root,

                // The CI variables of the machine running the tests must not change the build's slug or outputs.
                Remove = k => k.StartsWith("GITHUB_", StringComparison.Ordinal) || k.StartsWith("KLINKY_", StringComparison.Ordinal) || k == "CI",
                Environment = new Dictionary<string, string?> { ["KLINKY_API_KEY"] = _fixture.Emulator.ApiKey, ["KLINKY_MANIFEST_OUT"] = manifestOut },
                Timeout = TimeSpan.FromMinutes(5),
            });
        Assert.True(run.ExitCode == 0 && File.Exists(manifestOut), $"create-preview-link.sh failed ({run})");
    }
}
