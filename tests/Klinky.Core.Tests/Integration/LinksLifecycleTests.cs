using Klinky.Links;
using Klinky.Testing;

namespace Klinky.Tests.Integration;

[Trait("Category", "Integration")]
public class LinksLifecycleTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public LinksLifecycleTests(EmulatorFixture fixture) => _fixture = fixture;

    private static CreateLinkRequest NewLink(string slug) => new("Checkout test", new[]
    {
        new Variant("control", "https://shop.example.com/checkout", 50),
        new Variant("preview", "https://preview.example.com/checkout", 50),
    })
    { Slug = slug };

    [Fact]
    public async Task CreateGetUpdateReweightDelete_RoundTripsAndSpendsOneRequestEach()
    {
        using var client = _fixture.NewClient();
        var slug = "life-" + Guid.NewGuid().ToString("N")[..8];

        var created = await client.Links.CreateAsync(NewLink(slug));
        var fetched = await client.Links.GetAsync(created.Id);
        var found = await client.Links.FindBySlugAsync(slug);
        var renamed = await client.Links.UpdateAsync(created.Id, new UpdateLinkRequest { Name = "Renamed", AutoWinnerThreshold = 50 });
        var reweighted = await client.Links.ReplaceVariantsAsync(created.Id, new[]
        {
            new Variant("control", "https://shop.example.com/checkout", 70),
            new Variant("preview", "https://preview.example.com/checkout", 30),
        });
        await client.Links.DeleteAsync(created.Id);
        var afterDelete = await Assert.ThrowsAsync<KlinkyNotFoundException>(() => client.Links.GetAsync(created.Id));

        Assert.Equal(slug, created.Slug);
        Assert.EndsWith("/" + slug, created.ShortUrl, StringComparison.Ordinal);
        Assert.Equal(created.Id, fetched.Id);
        Assert.Equal(created.Id, found?.Id);
        Assert.Equal("Renamed", renamed.Name);
        Assert.Equal(50, renamed.AutoWinnerThreshold);
        Assert.Equal(new[] { 70, 30 }, reweighted.Variants.Select(v => v.Weight));
        Assert.Equal(404, afterDelete.StatusCode);
        Assert.Equal(7, client.RequestsSent);
    }

    [Fact]
    public async Task RequestsSent_MatchesWhatTheServerCounted()
    {
        using var client = _fixture.NewClient();
        await client.Links.ListAsync();
        var before = client.RateLimit!.Remaining;

        await client.Links.CreateAsync(NewLink("count-" + Guid.NewGuid().ToString("N")[..8]));
        await client.Links.ListAsync();
        await Assert.ThrowsAsync<KlinkyNotFoundException>(() => client.Links.GetAsync(Guid.NewGuid().ToString()));

        Assert.Equal(before - 3, client.RateLimit!.Remaining);
        Assert.Equal(4, client.RequestsSent);
    }

    [Fact]
    public async Task CreateAsync_WhenSlugIsTaken_ThrowsConflict()
    {
        using var client = _fixture.NewClient();
        var slug = "taken-" + Guid.NewGuid().ToString("N")[..8];
        await client.Links.CreateAsync(NewLink(slug));

        var ex = await Assert.ThrowsAsync<KlinkyConflictException>(() => client.Links.CreateAsync(NewLink(slug)));

        Assert.Equal(409, ex.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(ex.Detail));
    }

    [Fact]
    public async Task CreateAsync_ReplayedWithTheSameIdempotencyKey_ReturnsTheSameLink()
    {
        using var client = _fixture.NewClient();
        var request = NewLink("idem-" + Guid.NewGuid().ToString("N")[..8]);
        var options = new KlinkyRequestOptions { IdempotencyKey = Guid.NewGuid().ToString("N") };

        var first = await client.Links.CreateAsync(request, options);
        var second = await client.Links.CreateAsync(request, options);

        Assert.Equal(first.Id, second.Id);
    }

    [Fact]
    public async Task AnyCall_WithAWrongKey_ThrowsAuthenticationWithoutEchoingTheKey()
    {
        const string wrongKey = "klinky_live_wrongwrongwrongwrongwrongwrong12";
        using var client = _fixture.NewClient(o => o.ApiKey = wrongKey);

        var ex = await Assert.ThrowsAsync<KlinkyAuthenticationException>(() => client.Links.ListAsync());

        Assert.Equal(401, ex.StatusCode);
        Assert.DoesNotContain(wrongKey, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAllAsync_PagesThroughMoreThanOnePage()
    {
        using var client = _fixture.NewClient(o => o.ApiKey = _fixture.Emulator.ApiKey);
        var prefix = "page-" + Guid.NewGuid().ToString("N")[..6] + "-";
        for (var i = 0; i < 5; i++)
        {
            await client.Links.CreateAsync(NewLink(prefix + i));
        }

        var sent = client.RequestsSent;
        var seen = new List<string>();
        await foreach (var link in client.Links.ListAllAsync(new LinkListOptions { PerPage = 2, Search = prefix }))
        {
            seen.Add(link.Slug);
        }

        Assert.Equal(Enumerable.Range(0, 5).Select(i => prefix + i).Order(), seen.Where(s => s.StartsWith(prefix, StringComparison.Ordinal)).Order());
        Assert.True(client.RequestsSent - sent >= 3, "five links at two per page take at least three pages");
    }

    [Fact]
    public async Task Winner_SendsEveryVisitorToTheWinner()
    {
        using var client = _fixture.NewClient();
        var link = await client.Links.CreateAsync(NewLink("win-" + Guid.NewGuid().ToString("N")[..8]));

        var declared = await client.Winner.DeclareAsync(link.Id, "preview");
        var locations = await Visitors.VisitAsync(_fixture.Emulator.RootUrl, link.Slug, 10);

        Assert.Equal("preview", declared.WinnerLabel);
        Assert.All(locations, l => Assert.StartsWith("https://preview.example.com/checkout", l.ToString(), StringComparison.Ordinal));
    }
}
