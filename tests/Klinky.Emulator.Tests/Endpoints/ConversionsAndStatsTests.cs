using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Klinky.Emulator.Tests.Support;
using Klinky.Testing;

namespace Klinky.Emulator.Tests.Endpoints;

public sealed class ConversionsAndStatsTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public ConversionsAndStatsTests(EmulatorFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Conversion_IsAttributedToTheClicksVariant_AndDeduplicatedOnExternalId()
    {
        var slug = Api.NewSlug();
        var link = await Api.CreateLinkAsync(_fixture.Api, slug, controlWeight: 100);
        var visit = await Api.VisitAsync(_fixture.Visitor, slug);
        var clickId = Api.ClickIdOf(visit.Location!);

        var first = await TrackAsync(new { click_id = clickId, @event = "signup", value = 9.5, external_id = "order-1" });
        var second = await TrackAsync(new { click_id = clickId, @event = "signup", external_id = "order-1" });
        var (_, stats) = await Api.GetAsync(_fixture.Api, $"{Api.Links}/{link.GetProperty("id")}/stats");
        var (_, clicks) = await Api.GetAsync(_fixture.Api, $"{Api.Links}/{link.GetProperty("id")}/clicks");

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.False(first.Body.GetProperty("deduplicated").GetBoolean());
        Assert.True(second.Body.GetProperty("deduplicated").GetBoolean());
        Assert.Equal(first.Body.GetProperty("id").GetString(), second.Body.GetProperty("id").GetString());
        Assert.Equal(1, stats.GetProperty("total_conversions").GetInt64());
        Assert.Equal(1, stats.GetProperty("variants")[0].GetProperty("conversions").GetInt64());
        Assert.True(clicks.GetProperty("items")[0].GetProperty("converted").GetBoolean());
        Assert.Equal(JsonValueKind.String, clicks.GetProperty("items")[0].GetProperty("converted_at").ValueKind);
    }

    [Fact]
    public async Task Conversion_UnknownClick_Answers404()
    {
        var result = await TrackAsync(new { click_id = Guid.NewGuid().ToString(), @event = "signup" });

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.Equal("Click not found", Api.Detail(result.Body));
    }

    [Fact]
    public async Task Conversion_MissingFields_Answers422NamingThem()
    {
        var result = await TrackAsync(new { value = 1 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, result.Status);
        Assert.Contains("click_id", result.Body.ToString());
        Assert.Contains("event", result.Body.ToString());
    }

    [Fact]
    public async Task Stats_CountsClicksPerVariant_WithTheContractShape()
    {
        var slug = Api.NewSlug();
        var link = await Api.CreateLinkAsync(_fixture.Api, slug);
        for (var i = 0; i < 20; i++)
        {
            await Api.VisitAsync(_fixture.Visitor, slug);
        }

        var (status, stats) = await Api.GetAsync(_fixture.Api, $"{Api.Links}/{link.GetProperty("id")}/stats");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(20, stats.GetProperty("total_clicks").GetInt64());
        Assert.Equal("control", stats.GetProperty("control_label").GetString());
        Assert.Equal("insufficient_data", stats.GetProperty("status").GetString());
        Assert.Equal(20, stats.GetProperty("variants").EnumerateArray().Sum(v => v.GetProperty("clicks").GetInt64()));
        Assert.Equal(2, stats.GetProperty("variants")[0].GetProperty("conversion_rate_ci").GetArrayLength());
    }

    [Fact]
    public async Task Stats_CarriesTheAlwaysValidVerdictFields_AdditiveToTheContractShape()
    {
        var slug = Api.NewSlug();
        var link = await Api.CreateLinkAsync(_fixture.Api, slug);
        for (var i = 0; i < 40; i++)
        {
            await Api.VisitAsync(_fixture.Visitor, slug);
        }

        var (_, stats) = await Api.GetAsync(_fixture.Api, $"{Api.Links}/{link.GetProperty("id")}/stats");

        Assert.Equal(0.2, stats.GetProperty("minimum_effect").GetDouble());
        Assert.Equal(JsonValueKind.Null, stats.GetProperty("visitors_needed").ValueKind); // no conversions to plan from yet
        var control = stats.GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("label").GetString() == "control");
        var other = stats.GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("label").GetString() != "control");
        Assert.Equal(JsonValueKind.Null, control.GetProperty("verdict").ValueKind);
        Assert.Equal(JsonValueKind.Null, control.GetProperty("uplift_interval").ValueKind);
        Assert.Equal("inconclusive", other.GetProperty("verdict").GetString());
        Assert.Equal(2, other.GetProperty("difference_interval").GetArrayLength());
        Assert.True(other.TryGetProperty("probability_to_be_best", out _)); // the documented fields stay
    }

    [Fact]
    public async Task StatsAndClicks_DateRange_FiltersAndBadDatesAnswer422()
    {
        var slug = Api.NewSlug();
        var link = await Api.CreateLinkAsync(_fixture.Api, slug);
        await Api.VisitAsync(_fixture.Visitor, slug);
        var id = link.GetProperty("id").GetString();

        var (_, future) = await Api.GetAsync(_fixture.Api, $"{Api.Links}/{id}/stats?start_date=2999-01-01");
        var (_, today) = await Api.GetAsync(_fixture.Api, $"{Api.Links}/{id}/clicks?start_date={DateTime.UtcNow.AddDays(-1):yyyy-MM-dd}&end_date={DateTime.UtcNow.AddDays(1):yyyy-MM-dd}");
        var (bad, body) = await Api.GetAsync(_fixture.Api, $"{Api.Links}/{id}/clicks?start_date=yesterday");

        Assert.Equal(0, future.GetProperty("total_clicks").GetInt64());
        Assert.Equal(1, today.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad);
        Assert.Equal("""["query","start_date"]""", body.GetProperty("detail")[0].GetProperty("loc").GetRawText());
    }

    [Fact]
    public async Task AutoWinner_DeclaresTheWinnerOnceStatsAreSignificant_AndEmitsWinnerDeclared()
    {
        const string secret = "whsec_auto_0123456789";
        var (receiver, registered, _) = await WebhookReceiver.RegisterAsync(_fixture.Api, secret, "winner.declared");
        await using var _ = receiver;
        Assert.Equal(HttpStatusCode.Created, registered);
        var slug = Api.NewSlug();
        var link = await Api.CreateLinkAsync(_fixture.Api, new
        {
            name = "auto",
            slug,
            auto_winner = true,
            auto_winner_threshold = 10,
            variants = new object[]
            {
                new { label = "control", destination_url = "https://example.com/a", weight = 50 },
                new { label = "variant_b", destination_url = "https://example.com/b", weight = 50 },
            },
        });
        var converted = new Dictionary<string, int> { ["a"] = 0, ["b"] = 0 };
        // 240 visitors: enough for the pooled always-valid test at 80% vs about 10% (120 were at the boundary).
        for (var i = 0; i < 240; i++)
        {
            var visit = await Api.VisitAsync(_fixture.Visitor, slug);
            var variant = visit.Location!.StartsWith("https://example.com/b", StringComparison.Ordinal) ? "b" : "a";
            var convert = variant == "b" ? i % 5 != 0 : converted["a"] < 6;
            if (convert)
            {
                converted[variant]++;
                await TrackAsync(new { click_id = Api.ClickIdOf(visit.Location!), @event = "signup" });
            }
        }

        var winner = await PollWinnerAsync(link.GetProperty("id").GetString()!);
        var (body, signature) = await receiver.ReceiveAsync(Poll.GenerousDeadline);

        Assert.Equal("variant_b", winner);
        Assert.Equal(Klinky.Webhooks.WebhookVerification.Valid, Klinky.Webhooks.WebhookSignature.Verify(secret, signature, body, DateTimeOffset.UtcNow));
        var data = JsonDocument.Parse(body).RootElement;
        Assert.Equal("winner.declared", data.GetProperty("type").GetString());
        Assert.Equal(slug, data.GetProperty("data").GetProperty("slug").GetString());
        Assert.Equal("variant_b", data.GetProperty("data").GetProperty("winner_label").GetString());
        Assert.Equal("auto_winner", data.GetProperty("data").GetProperty("reason").GetString());
    }

    // The auto-winner checks a few times a second; the deadline is generous, the assertion is on the winner.
    private Task<string?> PollWinnerAsync(string id) => Klinky.Testing.Poll.UntilAsync(async () =>
        (await Api.GetAsync(_fixture.Api, $"{Api.Links}/{id}")).Body.GetProperty("winner_label").GetString());

    private async Task<(HttpStatusCode Status, JsonElement Body)> TrackAsync(object body)
    {
        using var response = await _fixture.Api.PostAsJsonAsync("api/v1/public/conversions", body);
        return (response.StatusCode, await Api.ReadJsonAsync(response));
    }
}
