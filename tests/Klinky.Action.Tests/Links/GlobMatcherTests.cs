using Klinky.Action.Links;

namespace Klinky.Action.Tests.Links;

public sealed class GlobMatcherTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("klinky-glob-").FullName;

    public GlobMatcherTests()
    {
        foreach (var file in new[] { "a/obj/klinky-links.json", "b/obj/Release/klinky-links.json", "c/other.json", "top.json" })
        {
            var path = Path.Combine(_root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "{}");
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string[] Find(string pattern) =>
        GlobMatcher.FindFiles(pattern, _root).Select(f => Path.GetRelativePath(_root, f).Replace('\\', '/')).ToArray();

    [Fact]
    public void DoubleStar_CrossesFolders() =>
        Assert.Equal(new[] { "a/obj/klinky-links.json", "b/obj/Release/klinky-links.json" }, Find("**/klinky-links.json"));

    [Fact]
    public void SingleStar_StaysInOneFolder() =>
        Assert.Equal(new[] { "a/obj/klinky-links.json" }, Find("*/obj/*.json"));

    [Fact]
    public void PlainPath_MatchesOnlyThatFile()
    {
        Assert.Equal(new[] { "c/other.json" }, Find("c/other.json"));
        Assert.Empty(Find("c/missing.json"));
    }

    [Fact]
    public void FixedPrefix_LimitsTheSearch() =>
        Assert.Equal(new[] { "b/obj/Release/klinky-links.json" }, Find("b/**/*.json"));

    [Fact]
    public void MissingBaseFolder_MatchesNothing() => Assert.Empty(Find("nope/**/*.json"));

    [Theory]
    [InlineData("**/x.json", "x.json", true)]
    [InlineData("**/x.json", "a/b/x.json", true)]
    [InlineData("*.json", "a/x.json", false)]
    [InlineData("?.json", "x.json", true)]
    [InlineData("a.b", "aXb", false)]
    public void ToRegex_FollowsTheDialect(string glob, string path, bool matches) =>
        Assert.Equal(matches, GlobMatcher.ToRegex(glob).IsMatch(path));
}
