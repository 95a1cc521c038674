using Klinky.Action.Inputs;
using Klinky.Action.Links;

namespace Klinky.Action.Tests.Links;

public sealed class ManifestReaderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("klinky-manifest-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Read_CollectsLinksOfEveryMatchedFile_IgnoringUnknownFields()
    {
        File.WriteAllText(Path.Combine(_root, "one.json"), """{"version": 1, "links": [{"id": "550e8400-e29b-41d4-a716-446655440000", "slug": "a-b", "short_url": "https://klinky.io/a-b", "item": "X"}]}""");
        File.WriteAllText(Path.Combine(_root, "two.json"), """{"links": [{"slug": "only-slug"}]}""");

        var result = ManifestReader.Read("*.json", _root);

        Assert.Equal(2, result.Files.Count);
        Assert.Equal("550e8400-e29b-41d4-a716-446655440000", result.Entries[0].Id);
        Assert.Equal("https://klinky.io/a-b", result.Entries[0].ShortUrl);
        Assert.Equal("only-slug", result.Entries[1].Slug);
    }

    [Fact]
    public void Read_NotJson_ThrowsNamingTheManifestInput()
    {
        File.WriteAllText(Path.Combine(_root, "bad.json"), "not json");

        var ex = Assert.Throws<ActionInputException>(() => ManifestReader.Read("bad.json", _root));

        Assert.Equal("manifest", ex.InputName);
    }

    [Fact]
    public void Read_EntryWithoutIdOrSlug_Throws()
    {
        File.WriteAllText(Path.Combine(_root, "m.json"), """{"links": [{"short_url": "https://klinky.io/x"}]}""");

        Assert.Equal("manifest", Assert.Throws<ActionInputException>(() => ManifestReader.Read("m.json", _root)).InputName);
    }

    [Theory]
    [InlineData("550e8400-e29b-41d4-a716-446655440000", true)]
    [InlineData("homepage-test", false)]
    [InlineData("550e8400e29b41d4a716446655440000", false)]
    public void IsId_TellsUuidsFromSlugs(string token, bool isId) => Assert.Equal(isId, LinkResolver.IsId(token));
}
