using Klinky.Conversions;
using Klinky.Links;
using Klinky.Stats;
using Klinky.Testing;

namespace Klinky.Tests.Integration;

[Trait("Category", "Integration")]
public class StatsAndConversionsTests
{
    private static CreateLinkRequest TrackedLink(string slug) => new("Signup test", new[]
    {
        new Variant("control", "https://example.com/signup", 50),
        new Variant("variant_b", "https://example.com/signup-v2", 50),
    })
    { Slug = slug, EnableConversionTracking = true };

    [Fact]
    public async Task Conversions_AttributedThroughKlCid_ShowInStatsAndDeduplicateOnExternalId()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        using var client = new KlinkyClient(new KlinkyClientOptions { BaseUrl = emulator.BaseUrl, ApiKey = emulator.ApiKey });
        var link = await client.Links.CreateAsync(TrackedLink("conv-test"));
        var locations = await Visitors.VisitAsync(emulator.RootUrl, link.Slug, 6);
        await Visitors.WaitForClicksAsync(client, link.Id, 6);

        var clickIds = locations.Select(Visitors.ClickId).ToList();
        var first = await client.Conversions.TrackAsync(new TrackConversionRequest(clickIds[0]!, "signup") { ExternalId = "order-1" });
        var repeat = await client.Conversions.TrackAsync(new TrackConversionRequest(clickIds[0]!, "signup") { ExternalId = "order-1" });
        await client.Conversions.TrackAsync(new TrackConversionRequest(clickIds[1]!, "signup") { ExternalId = "order-2" });
        var stats = await client.Stats.GetAsync(link);

        Assert.All(clickIds, id => Assert.False(string.IsNullOrEmpty(id)));
        Assert.False(first.Deduplicated);
        Assert.True(repeat.Deduplicated);
        Assert.Equal(StatsSource.Endpoint, stats.Source);
        Assert.Equal(1, stats.RequestCost);
        Assert.Equal(6, stats.TotalClicks);
        Assert.Equal(2, stats.TotalConversions);
        Assert.Equal(StatsStatus.InsufficientData, stats.Status);
    }

    [Fact]
    public async Task GetAsync_AgainstDocumentedProfile_ComputesTheSameStatsFromTheClicksExport()
    {
        var db = Path.Combine(Path.GetTempPath(), "klinky-fallback-" + Guid.NewGuid().ToString("N") + ".db");
        var key = EmulatorProcess.NewApiKey();
        try
        {
            LinkStats fromEndpoint;
            string linkId;
            await using (var full = await EmulatorProcess.StartAsync(new EmulatorOptions { DatabasePath = db, ApiKeys = new[] { key } }))
            {
                using var client = new KlinkyClient(new KlinkyClientOptions { BaseUrl = full.BaseUrl, ApiKey = key });
                var link = await client.Links.CreateAsync(TrackedLink("fallback-test"));
                linkId = link.Id;
                var locations = await Visitors.VisitAsync(full.RootUrl, link.Slug, 30);
                await Visitors.WaitForClicksAsync(client, link.Id, 30);
                foreach (var id in locations.Take(7).Select(Visitors.ClickId))
                {
                    await client.Conversions.TrackAsync(new TrackConversionRequest(id!, "signup"));
                }

                fromEndpoint = await client.Stats.GetAsync(link.Id);
                await full.StopAsync();
            }

            await using var documented = await EmulatorProcess.StartAsync(new EmulatorOptions { DatabasePath = db, ApiKeys = new[] { key }, Profile = "documented" });
            using var fallbackClient = new KlinkyClient(new KlinkyClientOptions { BaseUrl = documented.BaseUrl, ApiKey = key });
            var computed = await fallbackClient.Stats.GetAsync(linkId);
            var again = await fallbackClient.Stats.GetAsync(linkId);

            Assert.Equal(StatsSource.ComputedFromClicks, computed.Source);
            Assert.Equal(3, computed.RequestCost);
            Assert.Equal(2, again.RequestCost);
            // The same figures and verdict; the rate differs by the seconds between the reads, and the emulator keeps the
            // verdict's history where the client's computation has none (it says it shows the current look).
            Assert.Equal(VerdictBasis.History, fromEndpoint.VerdictBasis);
            Assert.Equal(VerdictBasis.CurrentLook, computed.VerdictBasis);
            Assert.InRange(computed.DaysNeeded!.Value, fromEndpoint.DaysNeeded!.Value * 0.5, fromEndpoint.DaysNeeded!.Value * 1.5);
            static LinkStats Timeless(LinkStats s) => s with { VisitorsPerDay = null, DaysNeeded = null, VerdictBasis = null };
            Assert.Equal(Klinky.Serialization.KlinkyJson.Serialize(Timeless(fromEndpoint)), Klinky.Serialization.KlinkyJson.Serialize(Timeless(computed)));
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(db) + "*"))
            {
                File.Delete(file);
            }
        }
    }
}
