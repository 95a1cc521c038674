using Flurl.Http.Testing;
using Klinky.Links;
using Klinky.Tests.Support;

namespace Klinky.Tests.Links;

public class LinksClientTests
{
    [Fact]
    public async Task CreateAsync_SendsSnakeCaseBodyWithApiKeyHeader()
    {
        using var http = new HttpTest();
        http.RespondWith(FakeKlinky.LinkJson, 201);
        using var client = FakeKlinky.Client();

        var link = await client.Links.CreateAsync(new CreateLinkRequest("Homepage", new[]
        {
            new Variant("control", "https://example.com/a", 50),
            new Variant("variant_b", "https://example.com/b", 50),
        })
        { Slug = "homepage-test", AutoWinner = true, EnableConversionTracking = true });

        Assert.Equal("550e8400-e29b-41d4-a716-446655440000", link.Id);
        Assert.Equal("https://klinky.io/homepage-test", link.ShortUrl);
        Assert.Equal(2, link.Variants.Count);
        http.ShouldHaveCalled(FakeKlinky.BaseUrl + "/public/links")
            .WithVerb(HttpMethod.Post)
            .WithHeader("X-API-Key", FakeKlinky.ApiKey)
            .WithRequestBody("*\"destination_url\":\"https://example.com/a\"*")
            .WithRequestBody("*\"auto_winner\":true*")
            .WithRequestBody("*\"enable_conversion_tracking\":true*")
            .Times(1);
    }

    [Fact]
    public async Task CreateAsync_WithInvalidVariants_ThrowsBeforeAnyRequest()
    {
        using var http = new HttpTest();
        using var client = FakeKlinky.Client();
        var request = new CreateLinkRequest("Test", new[]
        {
            new Variant("control", "https://example.com/a", 50),
            new Variant("variant_b", "ftp://example.com/b", 40),
        });

        var ex = await Assert.ThrowsAsync<KlinkyValidationException>(() => client.Links.CreateAsync(request));

        Assert.Contains(ex.Errors, e => e.ToString() == "variants[1].weight: weights sum to 90, they must sum to 100");
        Assert.Contains(ex.Errors, e => e.Field == "variants[1].destination_url");
        Assert.Null(ex.StatusCode);
        Assert.Empty(http.CallLog);
        Assert.Equal(0, client.RequestsSent);
    }

    [Fact]
    public async Task ListAsync_ReadsPageAndIgnoresUnknownFields()
    {
        using var http = new HttpTest();
        http.RespondWith($$"""{"items": [{{FakeKlinky.LinkJson}}], "total": 1, "page": 1, "per_page": 100, "next": "whatever"}""");
        using var client = FakeKlinky.Client();

        var page = await client.Links.ListAsync(new LinkListOptions { PerPage = 100 });

        Assert.Single(page.Items);
        Assert.False(page.HasMore);
        http.ShouldHaveCalled(FakeKlinky.BaseUrl + "/public/links").WithQueryParam("page", 1).WithQueryParam("per_page", 100);
    }

    [Fact]
    public async Task ListAllAsync_FollowsPagesUntilTotalIsReached()
    {
        using var http = new HttpTest();
        var link = FakeKlinky.LinkJson;
        http.RespondWith($$"""{"items": [{{link}}, {{link}}], "total": 3, "page": 1, "per_page": 2}""")
            .RespondWith($$"""{"items": [{{link}}], "total": 3, "page": 2, "per_page": 2}""");
        using var client = FakeKlinky.Client();

        var all = new List<Link>();
        await foreach (var item in client.Links.ListAllAsync(new LinkListOptions { PerPage = 2 }))
        {
            all.Add(item);
        }

        Assert.Equal(3, all.Count);
        Assert.Equal(2, client.RequestsSent);
    }

    [Fact]
    public async Task ListAsync_WithPerPageOutOfRange_ThrowsNamingTheField()
    {
        using var http = new HttpTest();
        using var client = FakeKlinky.Client();

        var ex = await Assert.ThrowsAsync<KlinkyValidationException>(() => client.Links.ListAsync(new LinkListOptions { PerPage = 500 }));

        Assert.Equal("per_page", Assert.Single(ex.Errors).Field);
        Assert.Empty(http.CallLog);
    }

    [Fact]
    public async Task FindBySlugAsync_WhenServerIgnoresTheFilter_SearchesTheListing()
    {
        using var http = new HttpTest();
        var other = FakeKlinky.LinkJson.Replace("homepage-test", "other-link", StringComparison.Ordinal);
        http.RespondWith($$"""{"items": [{{other}}, {{FakeKlinky.LinkJson}}], "total": 2, "page": 1, "per_page": 100}""");
        using var client = FakeKlinky.Client();

        var found = await client.Links.FindBySlugAsync("homepage-test");

        Assert.Equal("homepage-test", found?.Slug);
        http.ShouldHaveCalled(FakeKlinky.BaseUrl + "/public/links").WithQueryParam("slug", "homepage-test").Times(1);
    }

    [Fact]
    public async Task UpdateAsync_SendsOnlyTheFieldsSet()
    {
        using var http = new HttpTest();
        http.RespondWith(FakeKlinky.LinkJson);
        using var client = FakeKlinky.Client();

        await client.Links.UpdateAsync("abc", new UpdateLinkRequest { IsActive = false });

        var body = Assert.Single(http.CallLog).RequestBody;
        Assert.Equal("""{"is_active":false}""", body);
    }

    [Fact]
    public async Task ReplaceVariantsAsync_SendsBareArray()
    {
        using var http = new HttpTest();
        http.RespondWith(FakeKlinky.LinkJson);
        using var client = FakeKlinky.Client();

        await client.Links.ReplaceVariantsAsync("abc", new[] { new Variant("control", "https://a.example/", 70), new Variant("b", "https://b.example/", 30) });

        http.ShouldHaveCalled(FakeKlinky.BaseUrl + "/public/links/abc/variants").WithVerb(HttpMethod.Put)
            .WithRequestBody("""[{"label":"control","destination_url":"https://a.example/","weight":70},{"label":"b","destination_url":"https://b.example/","weight":30}]""");
    }

    [Fact]
    public async Task DeleteAsync_Accepts204()
    {
        using var http = new HttpTest();
        http.RespondWith("", 204);
        using var client = FakeKlinky.Client();

        await client.Links.DeleteAsync("abc");

        http.ShouldHaveCalled(FakeKlinky.BaseUrl + "/public/links/abc").WithVerb(HttpMethod.Delete).Times(1);
    }

    [Fact]
    public async Task GetAsync_EscapesTheIdAsOnePathSegment()
    {
        using var http = new HttpTest();
        http.RespondWith(FakeKlinky.LinkJson);
        using var client = FakeKlinky.Client();

        await client.Links.GetAsync("a/b?c");

        Assert.Equal(FakeKlinky.BaseUrl + "/public/links/a%2Fb%3Fc", Assert.Single(http.CallLog).Request.Url.ToString());
    }
}
