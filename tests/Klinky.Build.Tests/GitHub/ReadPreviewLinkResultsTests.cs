using Klinky.Build.Manifest;
using Klinky.Build.Tests.Infrastructure;
using Klinky.Links;

namespace Klinky.Build.Tests.GitHub;

public sealed class ReadPreviewLinkResultsTests
{
    [Fact]
    public async Task Execute_UpToDateUnderGitHubActions_StillWritesTheStepOutputsAndSummary_WithoutARequest()
    {
        var folder = Directory.CreateTempSubdirectory("klinky-uptodate-").FullName;
        try
        {
            var entry = new LinkManifestEntry
            {
                Item = "checkout", Id = "id-1", Slug = "checkout-pr7", ShortUrl = "https://klinky.io/checkout-pr7", Name = "Checkout", Status = "created",
                Variants = new[] { new Variant("control", "https://shop.example.com/", 50), new Variant("preview", "https://pr7.example.com/", 50) },
            };
            var manifestPath = Path.Combine(folder, "klinky-links.json");
            var statePath = Path.Combine(folder, "klinky.state.txt");
            await LinkManifestFile.WriteAsync(manifestPath, new LinkManifest { Links = new[] { entry }, PullRequest = 7 }, default);
            LinkStateFile.Write(statePath, new[] { entry });
            var environment = new Dictionary<string, string?>
            {
                ["GITHUB_ACTIONS"] = "true",
                ["GITHUB_OUTPUT"] = Path.Combine(folder, "output"),
                ["GITHUB_STEP_SUMMARY"] = Path.Combine(folder, "summary"),
            };
            var task = new ReadPreviewLinkResults
            {
                BuildEngine = new FakeBuildEngine(),
                StateFile = statePath,
                ManifestPath = manifestPath,
                ProjectFile = "/src/Shop/Shop.csproj",
                Environment = k => environment.GetValueOrDefault(k),
            };

            Assert.True(task.Execute());

            Assert.Contains("klinky-short-urls<<", await File.ReadAllTextAsync(environment["GITHUB_OUTPUT"]!), StringComparison.Ordinal);
            Assert.Contains("https://klinky.io/checkout-pr7", await File.ReadAllTextAsync(environment["GITHUB_OUTPUT"]!), StringComparison.Ordinal);
            var summary = await File.ReadAllTextAsync(environment["GITHUB_STEP_SUMMARY"]!);
            Assert.Contains("| Checkout | https://klinky.io/checkout-pr7 | control 50%, preview 50% | up to date |", summary, StringComparison.Ordinal);
            Assert.Contains("(Shop)", summary, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
