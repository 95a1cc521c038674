using System.Net;
using System.Text.Json;
using Klinky.Emulator.Dashboard.Tests.Support;
using Klinky.Testing;

namespace Klinky.Emulator.Dashboard.Tests.Dashboard;

/// <summary>The dashboard's actions over HTTP: a simulation plays real visitors through the API, a reset forgets a link's traffic.</summary>
public sealed class DashboardActionsTests : IClassFixture<DashboardFixture>
{
    private readonly DashboardFixture _fixture;

    public DashboardActionsTests(DashboardFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Simulate_PlaysRealVisitorsThroughTheApi_AndTheBudgetPageListsItsRequests()
    {
        var id = await _fixture.CreateLinkAsync(DashboardFixture.NewSlug());

        var (clicks, conversions) = await SimulateAsync(id, ("visitors", "300"), ("rate0", "0.1"), ("rate1", "0.2"), ("seed", "5"));

        Assert.Equal(300, clicks);
        Assert.InRange(conversions, 30, 110);
        var budget = await _fixture.Page.GetStringAsync("_klinky/budget");
        Assert.Contains("<code>/api/v1/public/conversions</code>", budget, StringComparison.Ordinal);
        Assert.Contains("unlimited (1,000,000/hour)", budget, StringComparison.Ordinal);
        Assert.DoesNotContain(_fixture.Emulator.ApiKey, budget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_WithARateOutOfRange_StartsNothing_AndNamesTheVariantAndTheRule()
    {
        var id = await _fixture.CreateLinkAsync(DashboardFixture.NewSlug());

        using var refused = await PostAsync(id, "simulate", ("visitors", "50"), ("rate0", "0.1"), ("rate1", "1.5"), ("seed", "5"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("the conversion rate of 'preview' must be a number from 0 to 1", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((0, 0), await StatsAsync(id));

        // Not a wait on a clock: a link runs one simulation at a time, so a valid run accepted now, counting exactly its
        // own visitors at its end, shows that the refused one never ran (before it, beside it, or after it).
        Assert.Equal(50, (await SimulateAsync(id, ("visitors", "50"), ("rate0", "0.1"), ("rate1", "0.1"), ("seed", "5"))).Clicks);
    }

    [Fact]
    public async Task Reset_ForgetsClicksAndConversions_SoTheSameSeedCountsAgain()
    {
        var id = await _fixture.CreateLinkAsync(DashboardFixture.NewSlug());
        (string, string)[] run = { ("visitors", "200"), ("rate0", "0.3"), ("rate1", "0.3"), ("seed", "9") };
        var first = await SimulateAsync(id, run);
        Assert.Equal(200, first.Clicks);
        Assert.True(first.Conversions > 0);

        using var reset = await PostAsync(id, "reset");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Contains("Forgot 200 clicks", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((0, 0), await StatsAsync(id));

        Assert.Equal(first, await SimulateAsync(id, run));
    }

    private async Task<HttpResponseMessage> PostAsync(string id, string action, params (string Name, string Value)[] fields)
    {
        var csrf = DashboardFixture.CsrfOf(await _fixture.Page.GetStringAsync($"_klinky/links/{id}"));
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("csrf", csrf));
        var request = new HttpRequestMessage(HttpMethod.Post, $"_klinky/links/{id}/{action}") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Klinky-Async", "1");
        request.Headers.Add("Origin", _fixture.Emulator.RootUrl);
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return await _fixture.Page.SendAsync(request);
    }

    private async Task<(long Clicks, long Conversions)> StatsAsync(string id)
    {
        using var response = await _fixture.Api.GetAsync($"api/v1/public/links/{id}/stats");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("total_clicks").GetInt64(), json.RootElement.GetProperty("total_conversions").GetInt64());
    }

    /// <summary>
    /// Starts a simulation and returns the link's stats once it ended: when the dashboard tells the link's watchers so (its
    /// "simulation" event), not when the counts looked still for a while, which a paused run on a loaded machine also does.
    /// </summary>
    private async Task<(long Clicks, long Conversions)> SimulateAsync(string id, params (string Name, string Value)[] fields)
    {
        using var events = new EventStreamReader(_fixture.Emulator.RootUrl, $"_klinky/links/{id}/events");
        await events.ConnectAsync();
        using (var started = await PostAsync(id, "simulate", fields))
        {
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        }

        var ended = await events.NextEventAsync("simulation", Poll.GenerousDeadline);
        Assert.Contains("\"ok\":true", ended, StringComparison.Ordinal);
        return await StatsAsync(id);
    }
}
