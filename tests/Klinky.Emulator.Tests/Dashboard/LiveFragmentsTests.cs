using System.Net.Http.Json;
using Klinky.Emulator.Dashboard;
using Klinky.Emulator.Storage;
using Klinky.Emulator.Tests.Support;
using Klinky.Emulator.Winners;
using Microsoft.Extensions.DependencyInjection;

namespace Klinky.Emulator.Tests.Dashboard;

/// <summary>
/// An open page costs at most one rendering of a link's results a second: the fragment is shared, rendered again only when
/// the counts moved and a second has passed, or at once when the link itself changed. The emulator runs in this process
/// (its clicks and its winner over HTTP); the fragments' clock is the test's.
/// </summary>
public sealed class LiveFragmentsTests
{
    private const string Key = "klinky_live_fragments";

    [Fact]
    public async Task TheResults_AreRenderedAtMostOncePerInterval_OnlyWhenCountsMoved_AndAtOnceWhenTheLinkChanged()
    {
        await using var emulator = await InProcessEmulator.StartAsync(Key);
        var services = emulator.App.Services;
        var links = services.GetRequiredService<LinkStore>();
        var time = new ManualTime(DateTimeOffset.UtcNow);
        var fragments = new LiveFragments(services.GetRequiredService<LinkStatsService>(), services.GetRequiredService<ClickTimeline>(), services.GetRequiredService<CounterCache>(), time);
        var slug = Api.NewSlug("fragments");
        var id = (await Api.CreateLinkAsync(emulator.Api, slug)).GetProperty("id").GetString()!;

        await VisitAsync(emulator, slug, id, 0, 3);
        var first = fragments.For(links.GetAny(id)!);
        await VisitAsync(emulator, slug, id, 3, 2);
        var withinTheInterval = fragments.For(links.GetAny(id)!);
        time.Now += LiveFragments.Interval;
        var afterIt = fragments.For(links.GetAny(id)!);
        time.Now += LiveFragments.Interval;
        var unchanged = fragments.For(links.GetAny(id)!);

        Assert.Contains("Total: 3 clicks", first, StringComparison.Ordinal);
        Assert.Same(first, withinTheInterval);
        Assert.Contains("Total: 5 clicks", afterIt, StringComparison.Ordinal);
        Assert.Same(afterIt, unchanged);

        using (var winner = await emulator.Api.PostAsJsonAsync($"{Api.Links}/{id}/winner", new { label = "variant_b" }))
        {
            Assert.True(winner.IsSuccessStatusCode, $"winner answered {(int)winner.StatusCode}");
        }

        var declared = fragments.For(links.GetAny(id)!);
        Assert.Contains("Declared winner", declared, StringComparison.Ordinal);
    }

    // The stats read flushes the click writer, so the counters hold every visit.
    private static async Task VisitAsync(InProcessEmulator emulator, string slug, string id, int from, int count)
    {
        await emulator.VisitAsync(slug, from, count, "fragments");
        await emulator.FlushClicksAsync(id);
    }
}
