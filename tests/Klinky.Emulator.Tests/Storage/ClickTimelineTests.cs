using System.Net.Http.Json;
using Klinky.Emulator.Storage;
using Klinky.Emulator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Klinky.Emulator.Tests.Storage;

/// <summary>
/// The chart's timeline is scanned once per link and then kept up to date by the stores as they commit: what it shows after
/// more redirects and conversions (one of them of a click made before the first read) must be what a fresh scan of the
/// database finds. The emulator runs in this process and takes its clicks and conversions over HTTP.
/// </summary>
public sealed class ClickTimelineTests
{
    private const string Key = "klinky_live_timeline";

    [Fact]
    public async Task AWatchedLinksTimeline_AfterMoreClicksAndConversions_EqualsAFreshScanOfTheDatabase()
    {
        await using var emulator = await InProcessEmulator.StartAsync(Key);
        var slug = Api.NewSlug("timeline");
        var id = (await Api.CreateLinkAsync(emulator.Api, slug)).GetProperty("id").GetString()!;
        var early = await emulator.VisitAsync(slug, 0, 10, "timeline");
        await emulator.FlushClicksAsync(id);
        var timeline = emulator.App.Services.GetRequiredService<ClickTimeline>();

        var first = timeline.Read(id, 60);
        Assert.Equal(10, first.Sum(b => b.Clicks));

        var late = await emulator.VisitAsync(slug, 10, 7, "timeline");
        foreach (var clickId in new[] { early[3], late[2] })
        {
            using var conversion = await emulator.Api.PostAsJsonAsync("api/v1/public/conversions", new { click_id = clickId, @event = "signup" });
            Assert.True(conversion.IsSuccessStatusCode, $"conversion answered {(int)conversion.StatusCode}");
        }

        await emulator.FlushClicksAsync(id);
        var kept = timeline.Read(id, 60);
        var scanned = new ClickTimeline(emulator.Database).Read(id, 60);

        Assert.Equal(17, kept.Sum(b => b.Clicks));
        Assert.Equal(2, kept.Sum(b => b.Conversions));
        Assert.Equal(scanned, kept);
    }

    [Fact]
    public void ALinkWithMoreClickTimesThanCells_KeepsEveryClick_InEvenBucketsThatEndAtTheLastClick()
    {
        // 50,000 clicks a millisecond apart: three times the cells kept, so they are merged; a steady stream must still fill
        // the 60 buckets evenly (each within 3% of its share) and lose nothing.
        var cells = new TimelineCells();
        const long start = 1_800_000_000_000;
        const int clicks = 50_000;
        for (var i = 0; i < clicks; i++)
        {
            cells.Add(start + i, i % 2 == 0 ? "control" : "variant_b", 1, i % 10 == 0 ? 1 : 0);
        }

        var buckets = cells.Buckets(60);
        var perBucket = buckets.GroupBy(b => b.End).Select(g => g.Sum(b => b.Clicks)).ToList();

        Assert.Equal(clicks, buckets.Sum(b => b.Clicks));
        Assert.Equal(clicks / 10, buckets.Sum(b => b.Conversions));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(start + clicks - 1), buckets[^1].End);
        Assert.InRange(perBucket.Count, 59, 60);
        var share = (double)clicks / perBucket.Count;
        Assert.All(perBucket.SkipLast(1), n => Assert.InRange(n, share * 0.97, share * 1.03));
    }
}
