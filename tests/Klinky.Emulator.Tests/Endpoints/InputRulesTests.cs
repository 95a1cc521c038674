using System.Net;
using System.Text.Json;
using Klinky.Emulator.Tests.Support;

namespace Klinky.Emulator.Tests.Endpoints;

public sealed class InputRulesTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public InputRulesTests(EmulatorFixture fixture) => _fixture = fixture;

    [Theory]
    [InlineData("https://ex\u00E4mple.com/", "non-ASCII character U+00E4")]
    [InlineData("https://example.com/caf\u00E9", "non-ASCII character U+00E9")]
    [InlineData("https://example.com/a\r\nSet-Cookie: x=1", "control character U+000D")]
    [InlineData("https://example.com/a\u2028b", "control character U+2028")]
    [InlineData("https://example.com/\u202Egnp.exe", "control character U+202E")]
    public async Task Create_DestinationThatCannotBeALocationHeader_Answers422NamingTheField(string url, string rule)
    {
        var body = JsonSerializer.Serialize(new
        {
            name = "Bad destination",
            slug = Api.NewSlug("dest"),
            variants = new object[] { new { label = "control", destination_url = "https://example.com/a", weight = 50 }, new { label = "variant_b", destination_url = url, weight = 50 } },
        });

        var (status, answer) = await Api.SendAsync(_fixture.Api, HttpMethod.Post, Api.Links, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var error = answer.GetProperty("detail")[0];
        Assert.Equal("""["body","variants",1,"destination_url"]""", error.GetProperty("loc").GetRawText());
        Assert.Contains(rule, error.GetProperty("msg").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("clicks")]
    [InlineData("stats")]
    public async Task Query_LastPossibleEndDate_IsAnsweredNot500(string route)
    {
        var id = (await Api.CreateLinkAsync(_fixture.Api, Api.NewSlug("far"))).GetProperty("id").GetString();

        var (status, _) = await Api.GetAsync(_fixture.Api, $"{Api.Links}/{id}/{route}?start_date=2026-01-01&end_date=9999-12-31");

        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Theory]
    [InlineData("clicks?start_date=0001-01-01", "start_date")]
    [InlineData("clicks?end_date=1969-12-31T23:59:59Z", "end_date")]
    [InlineData("stats?start_date=0001-01-01T00:00:00Z", "start_date")]
    [InlineData("clicks?page=0", "page")]
    [InlineData("clicks?per_page=101", "per_page")]
    [InlineData("clicks?page=99999999999", "page")]
    public async Task Query_OutOfRange_Answers422NamingTheParameter(string query, string parameter)
    {
        var id = (await Api.CreateLinkAsync(_fixture.Api, Api.NewSlug("range"))).GetProperty("id").GetString();

        var (status, body) = await Api.GetAsync(_fixture.Api, $"{Api.Links}/{id}/{query}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal($"""["query","{parameter}"]""", body.GetProperty("detail")[0].GetProperty("loc").GetRawText());
    }

    [Fact]
    public async Task List_SearchLongerThan200Characters_Answers422()
    {
        var (status, body) = await Api.GetAsync(_fixture.Api, $"{Api.Links}?search={new string('a', 201)}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("at most 200", body.GetProperty("detail")[0].GetProperty("msg").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[1, 2]""")]
    [InlineData("""{"name": 5, "variants": []}""")]
    [InlineData("""{"name": "x", "variants": "none"}""")]
    [InlineData("""{"name": "x", "variants": [{"label": "a", "destination_url": "https://a.example", "weight": "half"}]}""")]
    [InlineData("""{"name": "x", "auto_winner": "yes", "variants": []}""")]
    public async Task Create_WrongTypes_AnswerInTheApiWordsNotDotNetTypeNames(string json)
    {
        var (status, body) = await Api.SendAsync(_fixture.Api, HttpMethod.Post, Api.Links, json);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var message = body.GetProperty("detail")[0].GetProperty("msg").GetString()!;
        Assert.DoesNotMatch(@"\b(System|Klinky|Microsoft)\.[A-Z]", message);
        Assert.Matches("an? (object|array|string|integer|number|boolean)", message);
    }
}
