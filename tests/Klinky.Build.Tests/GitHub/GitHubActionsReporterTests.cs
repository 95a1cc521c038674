using Klinky.Build.GitHub;
using Klinky.Build.Manifest;

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

            await Task.WhenAll(blocks.Select(b => Task.Run(() => LockedFile.AppendAsync(path, b, default))));

            var text = await File.ReadAllTextAsync(path);
            Assert.All(blocks, b => Assert.Contains(b, text, StringComparison.Ordinal));
            Assert.Equal(blocks.Sum(b => b.Length), text.Length);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
