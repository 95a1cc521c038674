using System.Net;
using System.Text.Json;
using Klinky.Emulator.Tests.Support;

namespace Klinky.Emulator.Tests.Winners;

/// <summary>The emulator keeps each link's verdict memory in its database: /stats says so, and a change of weights starts over.</summary>
public sealed class VerdictMemoryTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public VerdictMemoryTests(EmulatorFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Stats_WholeExperiment_RestsOnTheHistory_WithTheSampleRatioCheck()
    {
        var slug = Api.NewSlug();
        var link = await Api.CreateLinkAsync(_fixture.Api, slug);
        for (var i = 0; i < 30; i++)
        {
            await Api.VisitAsync(_fixture.Visitor, slug);
        }

        var (_, stats) = await Api.GetAsync(_fixture.Api, $"{Api.Links}/{link.GetProperty("id")}/stats");

        Assert.Equal("history", stats.GetProperty("verdict_basis").GetString());
        Assert.Equal(JsonValueKind.Null, stats.GetProperty("verdict_withheld").ValueKind);
        Assert.False(stats.GetProperty("sample_ratio").GetProperty("mismatch").GetBoolean());
        Assert.Equal(1.0, stats.GetProperty("sample_ratio").GetProperty("observed_shares").EnumerateArray().Sum(s => s.GetDouble()), 9);
        Assert.False(stats.GetProperty("experiment_restarted").GetBoolean());
        Assert.Equal(link.GetProperty("created_at").GetDateTimeOffset(), stats.GetProperty("experiment_started_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Stats_WeightsChanged_StartsTheExperimentOver_AndCountsFromTheChange()
    {
        var slug = Api.NewSlug();
        var link = await Api.CreateLinkAsync(_fixture.Api, slug);
        var id = link.GetProperty("id").GetString();
        for (var i = 0; i < 10; i++)
        {
            await Api.VisitAsync(_fixture.Visitor, slug);
        }

        await Api.GetAsync(_fixture.Api, $"{Api.Links}/{id}/stats");
        var variants = link.GetProperty("variants").EnumerateArray().Select((v, i) => new
        {
            label = v.GetProperty("label").GetString(),
            destination_url = v.GetProperty("destination_url").GetString(),
            weight = i == 0 ? 20 : 80,
        }).ToArray();
        var (changed, _) = await Api.SendAsync(_fixture.Api, HttpMethod.Put, $"{Api.Links}/{id}/variants", JsonSerializer.Serialize(variants));
        var (_, restarted) = await Api.GetAsync(_fixture.Api, $"{Api.Links}/{id}/stats");
        await Api.VisitAsync(_fixture.Visitor, slug);
        var (_, after) = await Api.GetAsync(_fixture.Api, $"{Api.Links}/{id}/stats");

        Assert.Equal(HttpStatusCode.OK, changed);
        Assert.True(restarted.GetProperty("experiment_restarted").GetBoolean());
        Assert.Equal(0, restarted.GetProperty("total_clicks").GetInt64());
        Assert.False(after.GetProperty("experiment_restarted").GetBoolean());
        Assert.Equal(1, after.GetProperty("total_clicks").GetInt64());
    }

    [Fact]
    public async Task Stats_WindowAfterTheStart_GivesFiguresNotAVerdict()
    {
        var slug = Api.NewSlug();
        var link = await Api.CreateLinkAsync(_fixture.Api, slug);
        await Api.VisitAsync(_fixture.Visitor, slug);

        var (_, window) = await Api.GetAsync(_fixture.Api, $"{Api.Links}/{link.GetProperty("id")}/stats?start_date={DateTime.UtcNow.AddDays(1):yyyy-MM-dd}");

        Assert.Equal("figures_only", window.GetProperty("verdict_basis").GetString());
        Assert.Equal("date_range", window.GetProperty("verdict_withheld").GetString());
        Assert.Equal(JsonValueKind.Null, window.GetProperty("recommended_winner").ValueKind);
    }
}
