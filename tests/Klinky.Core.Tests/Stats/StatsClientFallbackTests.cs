using Flurl.Http.Testing;
using Klinky.Stats;
using Klinky.Tests.Support;

namespace Klinky.Tests.Stats;

public class StatsClientFallbackTests
{
    private const string LinkId = "550e8400-e29b-41d4-a716-446655440000";

    // The "no stats route" memory belongs to each client: tests share a base URL and still start from nothing.
    private static KlinkyClient NewClient(InstantTimeProvider? time = null) => FakeKlinky.Client(time);

    private static string ClickJson(string label, bool converted) =>
        $$"""{"id": "{{Guid.NewGuid()}}", "created_at": "2026-01-16T10:00:00Z", "variant_label": "{{label}}", "converted": {{(converted ? "true" : "false")}}}""";

    [Fact]
    public async Task GetAsync_WhenServerHasStatsRoute_UsesItOnce()
    {
        using var http = new HttpTest();
        http.RespondWith($$"""{"link_id": "{{LinkId}}", "total_clicks": 3, "status": "insufficient_data", "control_label": "control", "variants": []}""");
        using var client = NewClient();

        var stats = await client.Stats.GetAsync(LinkId);

        Assert.Equal(StatsSource.Endpoint, stats.Source);
        Assert.Equal(1, stats.RequestCost);
        Assert.Equal(3, stats.TotalClicks);
    }

    [Fact]
    public async Task GetAsync_WhenRouteIsMissing_ComputesFromClicksAndRemembers()
    {
        using var http = new HttpTest();
        var clicks = string.Join(",", new[] { ClickJson("control", true), ClickJson("control", false), ClickJson("variant_b", true) });
        http.RespondWith("""{"detail": "Not Found"}""", 404)
            .RespondWith(FakeKlinky.LinkJson)
            .RespondWith($$"""{"items": [{{clicks}}], "total": 3, "page": 1, "per_page": 100}""")
            .RespondWith($$"""{"items": [{{clicks}}], "total": 3, "page": 1, "per_page": 100}""");
        using var client = NewClient();

        var first = await client.Stats.GetAsync(LinkId);
        var link = first.Link!;
        var second = await client.Stats.GetAsync(link);

        Assert.Equal(StatsSource.ComputedFromClicks, first.Source);
        Assert.Equal(3, first.RequestCost);
        Assert.Equal(3, first.TotalClicks);
        Assert.Equal(2, first.TotalConversions);
        Assert.Equal(new long[] { 2, 1 }, first.Variants.Select(v => v.Clicks));
        Assert.True(client.Stats.UsesClicksFallback);
        Assert.Equal(1, second.RequestCost);
        http.ShouldHaveCalled("*/stats").Times(1);
        http.ShouldHaveCalled("*/clicks").WithQueryParam("per_page", 100).Times(2);
    }

    [Fact]
    public async Task GetAsync_WhenLinkIsMissing_ThrowsNotFoundWithoutFallingBack()
    {
        using var http = new HttpTest();
        http.RespondWith("""{"detail": "Link not found"}""", 404);
        using var client = NewClient();

        await Assert.ThrowsAsync<KlinkyNotFoundException>(() => client.Stats.GetAsync(LinkId));

        Assert.False(client.Stats.UsesClicksFallback);
        Assert.Equal(1, client.RequestsSent);
    }

    [Fact]
    public async Task GetAsync_When405_FallsBack()
    {
        using var http = new HttpTest();
        http.RespondWith("""{"detail": "Method Not Allowed"}""", 405)
            .RespondWith("""{"items": [], "total": 0, "page": 1, "per_page": 100}""");
        using var client = NewClient();
        var link = global::Klinky.Serialization.KlinkyJson.Deserialize<global::Klinky.Links.Link>(FakeKlinky.LinkJson)!;

        var stats = await client.Stats.GetAsync(link);

        Assert.Equal(StatsSource.ComputedFromClicks, stats.Source);
        Assert.Equal(2, stats.RequestCost);
        Assert.Equal(StatsStatus.InsufficientData, stats.Status);
    }

    [Fact]
    public async Task GetAsync_AnotherClientOfTheSameBaseUrl_AsksForTheRouteAgain()
    {
        using var http = new HttpTest();
        var link = global::Klinky.Serialization.KlinkyJson.Deserialize<global::Klinky.Links.Link>(FakeKlinky.LinkJson)!;
        http.RespondWith("""{"detail": "Not Found"}""", 404)
            .RespondWith("""{"items": [], "total": 0, "page": 1, "per_page": 100}""")
            .RespondWith("""{"detail": "Not Found"}""", 404)
            .RespondWith("""{"items": [], "total": 0, "page": 1, "per_page": 100}""");
        using (var first = NewClient())
        {
            await first.Stats.GetAsync(link);
            Assert.True(first.Stats.UsesClicksFallback);
        }

        using var second = NewClient();
        Assert.False(second.Stats.UsesClicksFallback);
        var stats = await second.Stats.GetAsync(link);

        Assert.Equal(2, stats.RequestCost);
        http.ShouldHaveCalled("*/stats").Times(2);
    }

    [Fact]
    public async Task GetAsync_AfterTheMemoryExpires_AsksForTheRouteAgainAndUsesIt()
    {
        using var http = new HttpTest();
        var time = new InstantTimeProvider();
        var link = global::Klinky.Serialization.KlinkyJson.Deserialize<global::Klinky.Links.Link>(FakeKlinky.LinkJson)!;
        http.RespondWith("""{"detail": "Not Found"}""", 404)
            .RespondWith("""{"items": [], "total": 0, "page": 1, "per_page": 100}""")
            .RespondWith("""{"items": [], "total": 0, "page": 1, "per_page": 100}""")
            .RespondWith($$"""{"link_id": "{{LinkId}}", "total_clicks": 0, "variants": [], "status": "insufficient_data"}""");
        using var client = NewClient(time);
        await client.Stats.GetAsync(link);
        time.Advance(TimeSpan.FromMinutes(59));
        var remembered = await client.Stats.GetAsync(link);
        time.Advance(TimeSpan.FromMinutes(2));

        var asked = await client.Stats.GetAsync(link);

        Assert.Equal(StatsSource.ComputedFromClicks, remembered.Source);
        Assert.Equal(1, remembered.RequestCost);
        Assert.Equal(StatsSource.Endpoint, asked.Source);
        http.ShouldHaveCalled("*/stats").Times(2);
    }

    [Fact]
    public async Task GetAsync_FallbackSkipsClicksWithoutAKnownVariant()
    {
        using var http = new HttpTest();
        var link = global::Klinky.Serialization.KlinkyJson.Deserialize<global::Klinky.Links.Link>(FakeKlinky.LinkJson)!;
        http.RespondWith("""{"detail": "Not Found"}""", 404)
            .RespondWith($$"""{"items": [{{ClickJson("control", true)}}, {"id": "c2", "created_at": "2026-01-16T10:00:00Z", "variant_label": null}, {{ClickJson("retired", false)}}], "total": 3}""");
        using var client = NewClient();

        var stats = await client.Stats.GetAsync(link);

        Assert.Equal(1, stats.TotalClicks);
    }
}
