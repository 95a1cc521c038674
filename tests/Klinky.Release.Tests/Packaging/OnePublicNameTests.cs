using System.Text.RegularExpressions;
using Klinky.Testing;

namespace Klinky.Release.Tests.Packaging;

/// <summary>
/// Users write <c>uses: klinky/action</c>: package metadata, the module manifest, the diagnostics' help links and the
/// docs name that repository and no other.
/// </summary>
public sealed partial class OnePublicNameTests
{
    private static readonly string[] Scanned = ["src", "powershell", "docs", "action", ".github", "README.md", "CHANGELOG.md", "Directory.Build.props", "action.yml"];

    [Fact]
    public void EveryGitHubRepositoryLink_NamesKlinkyAction()
    {
        var root = RepositoryPaths.Root;
        var files = Scanned.Select(p => Path.Combine(root, p))
            .SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : File.Exists(p) ? [p] : [])
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.EndsWith(".png", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);

        var links = files.SelectMany(f => GitHubRepository().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(root, f), Repository: m.Groups[1].Value)))
            .ToList();

        Assert.Contains(links, l => l.File == "Directory.Build.props");
        Assert.Contains(links, l => l.File == Path.Combine("powershell", "Klinky.psd1"));
        Assert.Contains(links, l => l.File.StartsWith(Path.Combine("src", "Klinky.Build"), StringComparison.Ordinal));
        var others = links.Where(l => l.Repository != "klinky/action").Select(l => $"{l.File}: {l.Repository}").ToList();
        Assert.True(others.Count == 0, "links to another repository of ours:\n" + string.Join('\n', others));
    }

    [GeneratedRegex(@"(?:github\.com|raw\.githubusercontent\.com)/(klinky/[A-Za-z0-9_.-]+)")]
    private static partial Regex GitHubRepository();
}
