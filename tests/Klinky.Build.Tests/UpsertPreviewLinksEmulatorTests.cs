using Klinky.Build.Tests.Infrastructure;
using Microsoft.Build.Framework;

namespace Klinky.Build.Tests;

/// <summary>The task in process against a real emulator: what happens to the other links when one fails.</summary>
public sealed class UpsertPreviewLinksEmulatorTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;
    private readonly FakeBuildEngine _engine = new();

    public UpsertPreviewLinksEmulatorTests(EmulatorFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Execute_FirstLinkRefused_ReportsItAndStillCreatesTheNextLink()
    {
        var state = Path.Combine(Path.GetTempPath(), "klinky-state-" + Guid.NewGuid().ToString("N") + ".txt");
        var task = UpsertTaskFactory.Create(_engine, _fixture.Emulator.BaseUrl, new Dictionary<string, string?> { ["KLINKY_API_KEY"] = _fixture.Emulator.ApiKey });
        task.PullRequestNumber = "70";
        task.StateFile = state;
        // The emulator refuses the slug "api" (409, reserved) although it passes every local rule.
        var refused = UpsertTaskFactory.Link("reserved");
        refused.SetMetadata("Slug", "api");
        task.Links = new[] { refused, task.Links[0] };
        task.Variants = task.Variants.Append(UpsertTaskFactory.Variant("only", "reserved", "https://shop.example.com/", null)).ToArray();

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("KLINKY002", error.Code);
        Assert.Contains("'api'", error.Message, StringComparison.Ordinal);
        Assert.NotNull(await _fixture.FindAsync("checkout-pr70"));
        Assert.Equal("checkout", Assert.Single(task.CreatedLinks).ItemSpec);
        Assert.Contains(_engine.HighImportanceMessages, m => m.StartsWith("Klinky: checkout-pr70 -> ", StringComparison.Ordinal) && m.EndsWith("(created)", StringComparison.Ordinal));
        Assert.False(task.Completed);
        Assert.False(File.Exists(state), "a partial run must not stamp the incremental state, or the next build would not retry");
    }

    [Fact]
    public async Task Execute_TheManifestSaysWhenKlinkyCreatedALink_WhetherTheBuildCreatedItOrFoundIt()
    {
        var manifest = Path.Combine(Path.GetTempPath(), "klinky-links-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var before = DateTimeOffset.UtcNow.AddSeconds(-5);
            var first = UpsertTaskFactory.Create(_engine, _fixture.Emulator.BaseUrl, new Dictionary<string, string?> { ["KLINKY_API_KEY"] = _fixture.Emulator.ApiKey });
            first.PullRequestNumber = "71";
            first.ManifestPath = manifest;
            Assert.True(first.Execute());
            var created = Assert.Single(Klinky.Links.LinkManifest.Parse(await File.ReadAllTextAsync(manifest))!.Links);

            var again = UpsertTaskFactory.Create(_engine, _fixture.Emulator.BaseUrl, new Dictionary<string, string?> { ["KLINKY_API_KEY"] = _fixture.Emulator.ApiKey });
            again.PullRequestNumber = "71";
            again.ManifestPath = manifest;
            again.Commit = "another-commit";
            Assert.True(again.Execute());
            var found = Assert.Single(Klinky.Links.LinkManifest.Parse(await File.ReadAllTextAsync(manifest))!.Links);

            Assert.Equal("created", created.Status);
            Assert.InRange(created.CreatedAt!.Value, before, DateTimeOffset.UtcNow.AddSeconds(5));
            Assert.NotEqual("created", found.Status);
            Assert.Equal(created.CreatedAt, found.CreatedAt);
        }
        finally
        {
            File.Delete(manifest);
        }
    }

    [Fact]
    public void Execute_KlinkyUnreachableWithTwoLinks_WarnsOncePerLink()
    {
        var task = UpsertTaskFactory.Create(_engine, SilentServer.ClosedBaseUrl());
        task.Links = new[] { task.Links[0], UpsertTaskFactory.Link("cart") };
        task.Variants = task.Variants.Append(UpsertTaskFactory.Variant("only", "cart", "https://shop.example.com/cart", null)).ToArray();

        Assert.True(task.Execute());

        Assert.Equal(new[] { "KLINKY007", "KLINKY007" }, _engine.Warnings.Select(w => w.Code));
        Assert.Contains(_engine.Warnings, w => w.Message!.Contains("'checkout-pr42'", StringComparison.Ordinal));
        Assert.Contains(_engine.Warnings, w => w.Message!.Contains("'cart-pr42'", StringComparison.Ordinal));
        Assert.Empty(task.CreatedLinks);
    }

    [Fact]
    public void Execute_BaseUrlWithoutApiV1_SaysTheBaseUrlIsWrongNotTheItems()
    {
        // The emulator's root is a real server that is not a Klinky API: its 404 is the framework's, not Klinky's.
        var task = UpsertTaskFactory.Create(_engine, _fixture.Emulator.RootUrl, new Dictionary<string, string?> { ["KLINKY_API_KEY"] = _fixture.Emulator.ApiKey });

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("KLINKY008", error.Code);
        Assert.Contains($"The base URL {_fixture.Emulator.RootUrl} does not look like a Klinky API", error.Message, StringComparison.Ordinal);
        Assert.Contains("should end in /api/v1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("KlinkyPreviewLink", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_TheKeyAsTheBaseUrl_NeverLogsTheKey()
    {
        var task = UpsertTaskFactory.Create(_engine, _fixture.Emulator.ApiKey, new Dictionary<string, string?> { ["KLINKY_API_KEY"] = _fixture.Emulator.ApiKey });

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("KLINKY008", error.Code);
        Assert.Contains("'[redacted]' is not an absolute http(s) URL", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_fixture.Emulator.ApiKey, error.Message, StringComparison.Ordinal);
    }
}
