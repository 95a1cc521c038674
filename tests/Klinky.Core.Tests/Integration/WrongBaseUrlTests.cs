using Klinky.Links;

namespace Klinky.Tests.Integration;

/// <summary>A base URL without <c>/api/v1</c> reaches a real server that is not a Klinky API: the emulator's root.</summary>
[Trait("Category", "Integration")]
public class WrongBaseUrlTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public WrongBaseUrlTests(EmulatorFixture fixture) => _fixture = fixture;

    private KlinkyClient RootClient() => _fixture.NewClient(o => o.BaseUrl = _fixture.Emulator.RootUrl);

    [Fact]
    public async Task ListAsync_AtTheServersRoot_SaysTheBaseUrlShouldEndInApiV1()
    {
        using var client = RootClient();

        var error = await Assert.ThrowsAsync<KlinkyBaseUrlException>(() => client.Links.ListAsync());

        Assert.Equal(404, error.StatusCode);
        Assert.Contains($"The base URL {_fixture.Emulator.RootUrl} does not look like a Klinky API", error.Message, StringComparison.Ordinal);
        Assert.Contains("should end in /api/v1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_AtTheServersRoot_SaysTheBaseUrlShouldEndInApiV1()
    {
        using var client = RootClient();
        var request = new CreateLinkRequest("Root", new[] { new Variant("control", "https://a.example", 100) }) { Slug = "root-" + Guid.NewGuid().ToString("N")[..8] };

        var error = await Assert.ThrowsAsync<KlinkyBaseUrlException>(() => client.Links.CreateAsync(request));

        Assert.Contains("should end in /api/v1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_AMissingLinkOnTheRightBaseUrl_StaysNotFound()
    {
        using var client = _fixture.NewClient();

        var error = await Assert.ThrowsAsync<KlinkyNotFoundException>(() => client.Links.GetAsync(Guid.NewGuid().ToString()));

        Assert.DoesNotContain("/api/v1", error.Message.Replace(client.BaseUrl, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
