using Klinky.Links;

namespace Klinky.Tests.Links;

/// <summary>The manifest file's one schema: what Klinky.Build writes is what the Action reads, key for key.</summary>
public sealed class LinkManifestTests
{
    [Fact]
    public void ToJson_WritesSnakeCaseKeys_KeepsNullPullRequestAndCommit()
    {
        var json = new LinkManifest { Links = new[] { new LinkManifestEntry { Id = "i", Slug = "s", ShortUrl = "https://klinky.io/s", Name = "n", Status = "created", Item = "Web" } } }.ToJson();

        Assert.Contains("\"short_url\": \"https://klinky.io/s\"", json, StringComparison.Ordinal);
        Assert.Contains("\"pull_request\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"commit\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"created_at\": null", json, StringComparison.Ordinal);
        Assert.EndsWith("}\n", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReadsWhatToJsonWrote()
    {
        var written = new LinkManifest
        {
            PullRequest = 42,
            Commit = "abc",
            Links = new[] { new LinkManifestEntry { Id = "i", Slug = "s", Name = "n", Status = "created", CreatedAt = new DateTimeOffset(2026, 12, 6, 14, 5, 7, TimeSpan.Zero), Variants = new[] { new Variant("control", "https://example.com/a", 100) } } },
        };

        var read = LinkManifest.Parse(written.ToJson())!;

        Assert.Equal(42, read.PullRequest);
        Assert.Equal("abc", read.Commit);
        var entry = Assert.Single(read.Links);
        Assert.Equal(("i", "s", "n"), (entry.Id, entry.Slug, entry.Name));
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 14, 5, 7, TimeSpan.Zero), entry.CreatedAt);
        Assert.Equal("https://example.com/a", Assert.Single(entry.Variants).DestinationUrl);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    public void Parse_EmptyOrNull_IsNull(string json) => Assert.Null(LinkManifest.Parse(json));

    [Fact]
    public void Parse_NotAManifest_Throws() =>
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => LinkManifest.Parse("[1, 2]"));
}
