using Klinky.Build.Manifest;
using Klinky.Links;

namespace Klinky.Build.Tests.Manifest;

public sealed class LinkManifestFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "klinky-manifest-" + Guid.NewGuid().ToString("N") + ".json");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task WriteAsync_SameCommit_MergesLinksOfOtherProjectsBySlug()
    {
        await LinkManifestFile.WriteAsync(_path, Manifest("abc", Entry("checkout-pr42", "created"), Entry("cart-pr42", "created")), default);

        await LinkManifestFile.WriteAsync(_path, Manifest("abc", Entry("checkout-pr42", "updated")), default);

        var manifest = LinkManifestFile.Read(_path)!;
        Assert.Equal(new[] { "cart-pr42:created", "checkout-pr42:updated" }, manifest.Links.Select(l => l.Slug + ":" + l.Status));
    }

    [Fact]
    public async Task WriteAsync_OtherCommit_ReplacesTheManifest()
    {
        await LinkManifestFile.WriteAsync(_path, Manifest("abc", Entry("cart-pr42", "created")), default);

        await LinkManifestFile.WriteAsync(_path, Manifest("def", Entry("checkout-pr42", "unchanged")), default);

        Assert.Equal("checkout-pr42", Assert.Single(LinkManifestFile.Read(_path)!.Links).Slug);
    }

    [Fact]
    public void Serialize_KeepsNullPullRequestAndCommitKeys()
    {
        var json = LinkManifestFile.Serialize(new LinkManifest { Links = new[] { Entry("checkout", "created") } });

        Assert.Contains("\"pull_request\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"commit\": null", json, StringComparison.Ordinal);
        Assert.Contains("\"short_url\": \"https://klinky.io/checkout\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ManyWritersAtOnce_KeepsEveryLinkAndValidJson()
    {
        var writers = Enumerable.Range(0, 16).Select(i => Task.Run(() => LinkManifestFile.WriteAsync(_path, Manifest("abc", Entry($"link-{i:00}", "created")), default)));

        await Task.WhenAll(writers);

        Assert.Equal(16, LinkManifestFile.Read(_path)!.Links.Count);
    }

    private static LinkManifest Manifest(string commit, params LinkManifestEntry[] entries) => new() { Links = entries, PullRequest = 42, Commit = commit };

    private static LinkManifestEntry Entry(string slug, string status) => new() { Id = Guid.NewGuid().ToString(), Slug = slug, ShortUrl = "https://klinky.io/" + slug, Name = slug, Status = status };
}
