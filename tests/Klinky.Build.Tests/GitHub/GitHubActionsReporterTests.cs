using Klinky.Build.GitHub;
using Klinky.Build.Manifest;
using Klinky.Links;

namespace Klinky.Build.Tests.GitHub;

public sealed class GitHubActionsReporterTests
{
    [Fact]
    public void Output_UsesAFreshRandomDelimiterThatTheValueCannotClose()
    {
        var first = GitHubActionsReporter.Output("klinky-short-urls", "a\nEOF\nb");
        var second = GitHubActionsReporter.Output("klinky-short-urls", "a");

        var delimiter = first.Split('\n')[0].Split("<<")[1];
        Assert.Matches("^ghadelimiter_[0-9a-f]{32}$", delimiter);
        Assert.Equal($"klinky-short-urls<<{delimiter}\na\nEOF\nb\n{delimiter}\n", first);
        Assert.DoesNotContain(delimiter, second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppendAsync_ParallelWriters_NeverInterleaveTheirBlocks()
    {
        var path = Path.Combine(Path.GetTempPath(), "klinky-output-" + Guid.NewGuid().ToString("N"));
        try
        {
            var blocks = Enumerable.Range(0, 24).Select(i => GitHubActionsReporter.Output($"out{i}", new string((char)('a' + i), 20_000))).ToList();

            await Task.WhenAll(blocks.Select(b => Task.Run(() => Klinky.Ci.GitHubStepFiles.AppendAsync(path, b, default))));

            var text = await File.ReadAllTextAsync(path);
            Assert.All(blocks, b => Assert.Contains(b, text, StringComparison.Ordinal));
            Assert.Equal(blocks.Sum(b => b.Length), text.Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ReportAsync_ParallelProjects_TheLastOutputNamesEveryProjectsLinks()
    {
        var folder = Directory.CreateTempSubdirectory("klinky-gha-").FullName;
        try
        {
            var manifestPath = Path.Combine(folder, "klinky-links.json");
            var outputPath = Path.Combine(folder, "output");
            var environment = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_OUTPUT"] = outputPath };
            var a = Manifest("a-pr7");
            var b = Manifest("b-pr7");

            // The order -m can produce: both projects merge the manifest, then report in the other order.
            await LinkManifestFile.WriteAsync(manifestPath, a, default);
            await LinkManifestFile.WriteAsync(manifestPath, b, default);
            await GitHubActionsReporter.ReportAsync(k => environment.GetValueOrDefault(k), "B", Array.Empty<LinkManifestEntry>(), b, manifestPath, default);
            await GitHubActionsReporter.ReportAsync(k => environment.GetValueOrDefault(k), "A", Array.Empty<LinkManifestEntry>(), a, manifestPath, default);

            // GitHub keeps the last value of a repeated output.
            var blocks = System.Text.RegularExpressions.Regex.Matches(await File.ReadAllTextAsync(outputPath), "klinky-short-urls<<(\\S+)\n(.*?)\n\\1\n", System.Text.RegularExpressions.RegexOptions.Singleline);
            Assert.Equal(new[] { "https://klinky.io/a-pr7", "https://klinky.io/b-pr7" }, blocks[^1].Groups[2].Value.Split('\n').Order());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static LinkManifest Manifest(string slug) => new()
    {
        Links = new[] { new LinkManifestEntry { Id = slug, Slug = slug, ShortUrl = "https://klinky.io/" + slug, Name = slug, Status = "created", Item = slug } },
        PullRequest = 7,
    };
}
