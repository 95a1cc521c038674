using Klinky.Build.Links;
using Klinky.Build.Tests.Infrastructure;
using Klinky.Links;

namespace Klinky.Build.Tests.Links;

/// <summary>What each kind of change costs on the user's hourly budget, counted by the emulator.</summary>
public sealed class PreviewLinkUpserterTests : IClassFixture<EmulatorFixture>
{
    private static readonly Variant[] Before = { new("control", "https://shop.example.com/", 50), new("preview", "https://pr.example.com/", 50) };
    private static readonly Variant[] After = { new("control", "https://shop.example.com/", 70), new("preview", "https://pr.example.com/", 30) };
    private readonly EmulatorFixture _fixture;

    public PreviewLinkUpserterTests(EmulatorFixture fixture) => _fixture = fixture;

    private async Task<(UpsertResult Result, int Spent)> UpsertAfterCreatingAsync(string name, IReadOnlyList<Variant> variants)
    {
        var slug = "upsert-" + Guid.NewGuid().ToString("N")[..8];
        using var client = new KlinkyClient(new KlinkyClientOptions { BaseUrl = _fixture.Emulator.BaseUrl, ApiKey = _fixture.Emulator.ApiKey });
        await client.Links.CreateAsync(new CreateLinkRequest("Old name", Before) { Slug = slug });
        // The emulator's counter: GET /public/keys/rate-limit does not spend from it.
        var before = (await client.RateLimits.GetAsync()).Remaining;

        var result = await new PreviewLinkUpserter(client).UpsertAsync(new PreviewLinkDefinition("checkout", name, slug, variants), CancellationToken.None);

        var after = (await client.RateLimits.GetAsync()).Remaining;
        return (result, before - after);
    }

    [Fact]
    public async Task UpsertAsync_Unchanged_CostsOneRequest()
    {
        var (result, spent) = await UpsertAfterCreatingAsync("Old name", Before);

        Assert.Equal(UpsertStatus.Unchanged, result.Status);
        Assert.Equal(1, spent);
    }

    [Fact]
    public async Task UpsertAsync_OnlyVariantsChanged_CostsTwoRequests()
    {
        var (result, spent) = await UpsertAfterCreatingAsync("Old name", After);

        Assert.Equal(new[] { 70, 30 }, result.Link.Variants.Select(v => v.Weight));
        Assert.Equal(2, spent);
    }

    [Fact]
    public async Task UpsertAsync_NameAndVariantsChanged_CostsThreeRequestsAsTheContractRequires()
    {
        // PUT /public/links/{id} cannot carry variants (the contract lists its fields), so the rename is its own request.
        var (result, spent) = await UpsertAfterCreatingAsync("New name", After);

        Assert.Equal(UpsertStatus.Updated, result.Status);
        Assert.Equal("New name", result.Link.Name);
        Assert.Equal(new[] { 70, 30 }, result.Link.Variants.Select(v => v.Weight));
        Assert.Equal(3, spent);
    }
}
