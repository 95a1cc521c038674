using System.Net;
using System.Net.Http.Json;
using Klinky.Emulator.Tests.Support;

namespace Klinky.Emulator.Tests.Endpoints;

public sealed class LinksEndpointsTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public LinksEndpointsTests(EmulatorFixture fixture) => _fixture = fixture;

    private HttpClient ApiClient => _fixture.Api;

    [Fact]
    public async Task Create_ValidLink_Answers201WithContractFieldsAndRateLimitHeaders()
    {
        var slug = Api.NewSlug();
        using var response = await ApiClient.PostAsJsonAsync(Api.Links, Api.LinkBody(slug, 60));
        var body = await Api.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(slug, body.GetProperty("slug").GetString());
        Assert.Equal($"{_fixture.Emulator.RootUrl}/{slug}", body.GetProperty("short_url").GetString());
        Assert.Equal("ab_test", body.GetProperty("routing_type").GetString());
        Assert.Equal(60, body.GetProperty("variants")[0].GetProperty("weight").GetInt32());
        Assert.Equal(100, body.GetProperty("auto_winner_threshold").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("winner_label").ValueKind);
        Assert.EndsWith("Z", body.GetProperty("created_at").GetString());
        Assert.True(Guid.TryParse(body.GetProperty("id").GetString(), out _));
        Assert.True(response.Headers.Contains("X-RateLimit-Limit"));
        Assert.True(response.Headers.Contains("X-RateLimit-Reset"));
    }

    [Fact]
    public async Task Create_WithoutSlug_GeneratesOne()
    {
        var variants = new[] { new { label = "only", destination_url = "https://example.com", weight = 100 } };
        var link = await Api.CreateLinkAsync(ApiClient, new { name = "No slug", variants });
        var another = await Api.CreateLinkAsync(ApiClient, new { name = "No slug", variants });

        var slug = link.GetProperty("slug").GetString()!;
        Assert.InRange(slug.Length, 3, 32);
        Assert.Matches("^[A-Za-z0-9_-]+$", slug);
        Assert.NotEqual(slug, another.GetProperty("slug").GetString());
        Assert.EndsWith("/" + slug, link.GetProperty("short_url").GetString(), StringComparison.Ordinal);
        // The generated slug is the link's address: it redirects.
        using var visit = await _fixture.Visitor.GetAsync(new Uri(slug, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Found, visit.StatusCode);
        Assert.StartsWith("https://example.com", visit.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_InvalidVariants_Answers422WithFastApiLocations()
    {
        var body = """{"name":"x","variants":[{"label":"control","destination_url":"https://e.com/a","weight":50},{"label":"b","destination_url":"https://e.com/b","weight":40}]}""";
        var (status, json) = await Api.SendAsync(ApiClient, HttpMethod.Post, Api.Links, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        var error = json.GetProperty("detail")[0];
        Assert.Equal("""["body","variants",1,"weight"]""", error.GetProperty("loc").GetRawText());
        Assert.Contains("sum to 90", error.GetProperty("msg").GetString());
    }

    [Theory]
    [InlineData("{\"name\": ", "application/json", 422, "JSON decode error")]
    [InlineData("{\"name\":\"x\",\"variants\":\"nope\"}", "application/json", 422, "wrong type")]
    [InlineData("{\"name\":\"x\"}", "text/plain", 415, "application/json")]
    [InlineData("null", "application/json", 422, "Field required")]
    public async Task Create_MalformedBody_AnswersDocumentedStatusNamingTheProblem(string body, string contentType, int expected, string detailPart)
    {
        var (status, json) = await Api.SendAsync(ApiClient, HttpMethod.Post, Api.Links, body, contentType);

        Assert.Equal(expected, (int)status);
        Assert.Contains(detailPart, json.GetProperty("detail").ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Create_InvalidUtf8_Answers422()
    {
        using var content = new ByteArrayContent(new byte[] { (byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}' });
        content.Headers.ContentType = new("application/json");
        using var response = await ApiClient.PostAsync(Api.Links, content);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("UTF-8", (await Api.ReadJsonAsync(response)).ToString());
    }

    [Fact]
    public async Task Create_BodyOver1MiB_Answers413()
    {
        var big = "{\"name\":\"" + new string('a', (1024 * 1024) + 10) + "\"}";
        var (status, json) = await Api.SendAsync(ApiClient, HttpMethod.Post, Api.Links, big);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("1 MiB", Api.Detail(json));
    }

    [Fact]
    public async Task Create_UnknownFields_AreIgnored()
    {
        var slug = Api.NewSlug();
        var body = $$"""{"name":"x","slug":"{{slug}}","colour":"blue","variants":[{"label":"a","destination_url":"https://e.com","weight":100,"extra":1}]}""";
        var (status, _) = await Api.SendAsync(ApiClient, HttpMethod.Post, Api.Links, body);

        Assert.Equal(HttpStatusCode.Created, status);
    }

    [Theory]
    [InlineData("api", "reserved")]
    public async Task Create_ReservedSlug_Answers409(string slug, string detailPart)
    {
        using var response = await ApiClient.PostAsJsonAsync(Api.Links, Api.LinkBody(slug));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains(detailPart, Api.Detail(await Api.ReadJsonAsync(response)));
    }

    [Fact]
    public async Task Create_TakenSlug_Answers409()
    {
        var slug = Api.NewSlug();
        await Api.CreateLinkAsync(ApiClient, slug);

        using var again = await ApiClient.PostAsJsonAsync(Api.Links, Api.LinkBody(slug));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already taken", Api.Detail(await Api.ReadJsonAsync(again)));
    }

    [Fact]
    public async Task Create_SameIdempotencyKeyAndBody_ReplaysTheFirstAnswer()
    {
        var key = Guid.NewGuid().ToString();
        var body = Api.LinkBody(Api.NewSlug());
        var first = await PostWithKeyAsync(key, body);
        var second = await PostWithKeyAsync(key, body);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Created, second.Status);
        Assert.Equal(first.Body, second.Body);
    }

    [Fact]
    public async Task Create_SameIdempotencyKeyOtherBody_Answers409()
    {
        var key = Guid.NewGuid().ToString();
        await PostWithKeyAsync(key, Api.LinkBody(Api.NewSlug()));
        var other = await PostWithKeyAsync(key, Api.LinkBody(Api.NewSlug()));

        Assert.Equal(HttpStatusCode.Conflict, other.Status);
        Assert.Contains("Idempotency-Key", other.Body);
    }

    [Fact]
    public async Task Get_UnknownLink_Answers404LinkNotFound()
    {
        var (status, body) = await Api.GetAsync(ApiClient, $"{Api.Links}/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Link not found", Api.Detail(body));
    }

    [Theory]
    [InlineData("per_page=0")]
    [InlineData("per_page=101")]
    [InlineData("page=0")]
    [InlineData("page=abc")]
    public async Task List_PagingOutOfRange_Answers422NamingTheParameter(string query)
    {
        var (status, body) = await Api.GetAsync(ApiClient, $"{Api.Links}?{query}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("query", body.GetProperty("detail")[0].GetProperty("loc")[0].GetString());
        Assert.Equal(query.Split('=')[0], body.GetProperty("detail")[0].GetProperty("loc")[1].GetString());
    }

    [Fact]
    public async Task List_PagesThroughLinksWithTotal()
    {
        for (var i = 0; i < 3; i++)
        {
            await Api.CreateLinkAsync(ApiClient, Api.NewSlug("page"));
        }

        var (_, first) = await Api.GetAsync(ApiClient, $"{Api.Links}?per_page=2&page=1");
        var total = first.GetProperty("total").GetInt32();
        var (_, last) = await Api.GetAsync(ApiClient, $"{Api.Links}?per_page=2&page={(total + 1) / 2}");

        Assert.True(total >= 3);
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(2, first.GetProperty("per_page").GetInt32());
        Assert.Equal(total % 2 == 0 ? 2 : 1, last.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task List_SlugFilter_AnswersOnlyThatLink()
    {
        var slug = Api.NewSlug("filter");
        await Api.CreateLinkAsync(ApiClient, slug);

        var (_, body) = await Api.GetAsync(ApiClient, $"{Api.Links}?slug={slug}");

        Assert.Equal(1, body.GetProperty("total").GetInt32());
        Assert.Equal(slug, body.GetProperty("items")[0].GetProperty("slug").GetString());
    }

    [Fact]
    public async Task Update_PartialBody_ChangesOnlyTheGivenFields()
    {
        var link = await Api.CreateLinkAsync(ApiClient, Api.NewSlug());
        var id = link.GetProperty("id").GetString();

        var (status, body) = await Api.SendAsync(ApiClient, HttpMethod.Put, $"{Api.Links}/{id}", """{"name":"Renamed","auto_winner":true}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Renamed", body.GetProperty("name").GetString());
        Assert.True(body.GetProperty("auto_winner").GetBoolean());
        Assert.Equal(link.GetProperty("slug").GetString(), body.GetProperty("slug").GetString());
    }

    [Fact]
    public async Task Update_ThresholdBelowMinimum_Answers422()
    {
        var link = await Api.CreateLinkAsync(ApiClient, Api.NewSlug());

        var (status, body) = await Api.SendAsync(ApiClient, HttpMethod.Put, $"{Api.Links}/{link.GetProperty("id")}", """{"auto_winner_threshold":3}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("""["body","auto_winner_threshold"]""", body.GetProperty("detail")[0].GetProperty("loc").GetRawText());
    }

    [Fact]
    public async Task ReplaceVariants_BareArray_ReplacesAllVariants()
    {
        var link = await Api.CreateLinkAsync(ApiClient, Api.NewSlug());
        var variants = """[{"label":"control","destination_url":"https://e.com/a","weight":20},{"label":"c","destination_url":"https://e.com/c","weight":80}]""";

        var (status, body) = await Api.SendAsync(ApiClient, HttpMethod.Put, $"{Api.Links}/{link.GetProperty("id")}/variants", variants);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("c", body.GetProperty("variants")[1].GetProperty("label").GetString());
        Assert.Equal(80, body.GetProperty("variants")[1].GetProperty("weight").GetInt32());
    }

    [Fact]
    public async Task ReplaceVariants_BadWeights_Answers422AtTheArrayIndex()
    {
        var link = await Api.CreateLinkAsync(ApiClient, Api.NewSlug());
        var variants = """[{"label":"a","destination_url":"https://e.com/a","weight":20},{"label":"b","destination_url":"https://e.com/b","weight":70}]""";

        var (status, body) = await Api.SendAsync(ApiClient, HttpMethod.Put, $"{Api.Links}/{link.GetProperty("id")}/variants", variants);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("""["body",1,"weight"]""", body.GetProperty("detail")[0].GetProperty("loc").GetRawText());
    }

    [Fact]
    public async Task Delete_SoftDeletes_LinkLeavesListsStopsRedirectingAndFreesItsSlug()
    {
        var slug = Api.NewSlug();
        var link = await Api.CreateLinkAsync(ApiClient, slug);
        var id = link.GetProperty("id").GetString();

        using var deleted = await ApiClient.DeleteAsync($"{Api.Links}/{id}");
        var (getStatus, _) = await Api.GetAsync(ApiClient, $"{Api.Links}/{id}");
        var (_, list) = await Api.GetAsync(ApiClient, $"{Api.Links}?slug={slug}");
        var redirect = await Api.VisitAsync(_fixture.Visitor, slug);
        using var again = await ApiClient.DeleteAsync($"{Api.Links}/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, getStatus);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, redirect.Status);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        await Api.CreateLinkAsync(ApiClient, slug);
    }

    [Fact]
    public async Task UnknownRoute_Answers404NotFoundAsARouteMiss()
    {
        var (status, body) = await Api.GetAsync(ApiClient, "api/v1/public/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Not Found", Api.Detail(body));
    }

    [Fact]
    public async Task WrongMethod_Answers405()
    {
        var (status, body) = await Api.SendAsync(ApiClient, HttpMethod.Patch, Api.Links);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
        Assert.Equal("Method Not Allowed", Api.Detail(body));
    }

    private async Task<(HttpStatusCode Status, string Body)> PostWithKeyAsync(string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Api.Links) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await ApiClient.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
