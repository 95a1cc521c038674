using System.Net;
using System.Net.Http.Json;
using Klinky.Emulator.Tests.Support;

namespace Klinky.Emulator.Tests.Redirects;

public sealed class RedirectHandlerTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public RedirectHandlerTests(EmulatorFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Redirect_KnownSlug_Answers302WithNoStoreAndAVisitorCookie()
    {
        var slug = Api.NewSlug();
        await Api.CreateLinkAsync(_fixture.Api, slug);

        using var response = await _fixture.Visitor.GetAsync(slug);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.StartsWith("https://example.com/", response.Headers.Location!.ToString());
        Assert.True(response.Headers.CacheControl!.Private);
        Assert.True(response.Headers.CacheControl.NoStore);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("klinky_vid=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("no-such-slug-here")]
    [InlineData("api")]
    public async Task Redirect_UnknownOrReservedSlug_Answers404(string slug)
    {
        var (status, _, _) = await Api.VisitAsync(_fixture.Visitor, slug);

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Redirect_InactiveLink_Answers404()
    {
        var slug = Api.NewSlug();
        var link = await Api.CreateLinkAsync(_fixture.Api, slug);
        await Api.SendAsync(_fixture.Api, HttpMethod.Put, $"{Api.Links}/{link.GetProperty("id")}", """{"is_active":false}""");

        var (status, _, _) = await Api.VisitAsync(_fixture.Visitor, slug);

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Redirect_SameVisitor_KeepsItsVariantAndIsCountedOnce()
    {
        var slug = Api.NewSlug();
        var link = await Api.CreateLinkAsync(_fixture.Api, slug);
        var first = await Api.VisitAsync(_fixture.Visitor, slug);

        for (var i = 0; i < 5; i++)
        {
            var again = await Api.VisitAsync(_fixture.Visitor, slug, first.Cookies);
            Assert.Equal(first.Location, again.Location);
        }

        Assert.Equal(1, await Api.ClickTotalAsync(_fixture.Api, link.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task Redirect_Click_ShowsInTheVeryNextExportAndStats_ExactlyOnce()
    {
        var slug = Api.NewSlug();
        var link = await Api.CreateLinkAsync(_fixture.Api, slug);
        var id = link.GetProperty("id").GetString()!;
        var visit = await Api.VisitAsync(_fixture.Visitor, slug);

        // No waiting: the reads flush the click writer, so the first read after the redirect already counts it.

        var (_, clicks) = await Api.GetAsync(_fixture.Api, $"{Api.Links}/{id}/clicks");
        var (_, stats) = await Api.GetAsync(_fixture.Api, $"{Api.Links}/{id}/stats");
        var (_, rangedStats) = await Api.GetAsync(_fixture.Api, $"{Api.Links}/{id}/stats?start_date={DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}");

        Assert.Equal(1, clicks.GetProperty("total").GetInt32());
        Assert.Equal(Api.ClickIdOf(visit.Location!), clicks.GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal(1, stats.GetProperty("total_clicks").GetInt64());
        Assert.Equal(1, rangedStats.GetProperty("total_clicks").GetInt64());
        // Again after the writer settled: every read flushes it first, so this read is the barrier a clock used to be.
        Assert.Equal(1, await Api.ClickTotalAsync(_fixture.Api, id));
    }

    [Fact]
    public async Task Redirect_ZeroWeightVariant_IsNeverChosen()
    {
        var slug = Api.NewSlug();
        await Api.CreateLinkAsync(_fixture.Api, slug, controlWeight: 0);

        for (var i = 0; i < 30; i++)
        {
            var visit = await Api.VisitAsync(_fixture.Visitor, slug);
            Assert.StartsWith("https://example.com/b", visit.Location);
        }
    }

    [Fact]
    public async Task Redirect_WithConversionTracking_AddsClickId_WithoutItAddsNothing()
    {
        var tracked = Api.NewSlug();
        var untracked = Api.NewSlug();
        await Api.CreateLinkAsync(_fixture.Api, tracked, tracking: true);
        await Api.CreateLinkAsync(_fixture.Api, untracked, tracking: false);

        var withId = await Api.VisitAsync(_fixture.Visitor, tracked);
        var without = await Api.VisitAsync(_fixture.Visitor, untracked);

        Assert.True(Guid.TryParse(Api.ClickIdOf(withId.Location!), out _));
        Assert.DoesNotContain("kl_cid", without.Location);
    }

    [Fact]
    public async Task Redirect_KnownBot_IsRedirectedButNotCounted()
    {
        var slug = Api.NewSlug();
        var link = await Api.CreateLinkAsync(_fixture.Api, slug);

        var bot = await Api.VisitAsync(_fixture.Visitor, slug, userAgent: "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
        await Api.VisitAsync(_fixture.Visitor, slug, userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0");

        Assert.Equal(HttpStatusCode.Found, bot.Status);
        Assert.Equal(1, await Api.ClickTotalAsync(_fixture.Api, link.GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task Redirect_AfterWinnerDeclared_SendsEveryVisitorToTheWinner()
    {
        var slug = Api.NewSlug();
        var link = await Api.CreateLinkAsync(_fixture.Api, slug);
        using var declared = await _fixture.Api.PostAsJsonAsync($"{Api.Links}/{link.GetProperty("id")}/winner", new { label = "variant_b" });
        var body = await Api.ReadJsonAsync(declared);

        Assert.Equal(HttpStatusCode.OK, declared.StatusCode);
        Assert.Equal("variant_b", body.GetProperty("winner_label").GetString());
        for (var i = 0; i < 20; i++)
        {
            Assert.StartsWith("https://example.com/b", (await Api.VisitAsync(_fixture.Visitor, slug)).Location);
        }
    }

    [Fact]
    public async Task Redirect_GeoLink_RoutesByCountryHeaderElseDefault()
    {
        var slug = Api.NewSlug();
        await Api.CreateLinkAsync(_fixture.Api, new
        {
            name = "geo",
            slug,
            routing_type = "geo",
            geo_rules = new Dictionary<string, string> { ["US"] = "control", ["default"] = "variant_b" },
            variants = new object[]
            {
                new { label = "control", destination_url = "https://example.com/us", weight = 50 },
                new { label = "variant_b", destination_url = "https://example.com/world", weight = 50 },
            },
        });

        for (var i = 0; i < 10; i++)
        {
            Assert.StartsWith("https://example.com/us", (await Api.VisitAsync(_fixture.Visitor, slug, country: "US")).Location);
            Assert.StartsWith("https://example.com/world", (await Api.VisitAsync(_fixture.Visitor, slug, country: "DE")).Location);
            Assert.StartsWith("https://example.com/world", (await Api.VisitAsync(_fixture.Visitor, slug)).Location);
        }
    }
}
