using Klinky.Docs.Tests.Repository;
using Klinky.Testing;

namespace Klinky.Docs.Tests.Markdown;

public sealed class LinkCheckerTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("klinky-links-").FullName;

    [Fact]
    public void EveryTrackedMarkdownFile_HasNoDeadRelativeLinkOrAnchor()
    {
        var files = TrackedFiles.Markdown.ToList();

        var problems = new LinkChecker(RepositoryPaths.Root).Check(files);

        Assert.Contains("docs/powershell.md", files);
        Assert.True(problems.Count == 0, "Dead links:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Check_LinksThatResolve_ReportsNothing()
    {
        Write("docs/a.md", "# A\n## Get-KlinkyLink\nSee [b](b.md#the-b-page), [self](#get-klinkylink), [up](../README.md), [dir](../docs/), [web](https://example.com/x#y).\n[ref]: b.md\n");
        Write("docs/b.md", "# The B page\n");
        Write("README.md", "[a](docs/a.md#get-klinkylink) `[not a link](nowhere.md)`\n```\n[not a link](nowhere.md)\n```\n");

        var problems = new LinkChecker(_root).Check(["docs/a.md", "docs/b.md", "README.md"]);

        Assert.Empty(problems);
    }

    [Fact]
    public void Check_DeadFileAnchorOrEscape_ReportsEachWithFileAndLink()
    {
        Write("docs/a.md", "# A\n[gone](missing.md) [anchor](b.md#no-such-heading) [out](../../elsewhere.md) [root](/docs/b.md)\n[def]: gone-too.md\n");
        Write("docs/b.md", "# B\n");

        var problems = new LinkChecker(_root).Check(["docs/a.md"]);

        Assert.Collection(
            problems,
            p => Assert.Equal("docs/a.md: (missing.md): no such file", p),
            p => Assert.Equal("docs/a.md: (b.md#no-such-heading): no heading with the anchor #no-such-heading", p),
            p => Assert.Equal("docs/a.md: (../../elsewhere.md): points outside the repository", p),
            p => Assert.StartsWith("docs/a.md: (/docs/b.md): a link starting with / ", p, StringComparison.Ordinal),
            p => Assert.Equal("docs/a.md: (gone-too.md): no such file", p));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
