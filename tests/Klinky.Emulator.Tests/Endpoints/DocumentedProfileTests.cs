using System.Net;
using Klinky.Emulator.Tests.Support;

namespace Klinky.Emulator.Tests.Endpoints;

public sealed class DocumentedProfileTests : IClassFixture<DocumentedProfileFixture>
{
    private readonly DocumentedProfileFixture _fixture;

    public DocumentedProfileTests(DocumentedProfileFixture fixture) => _fixture = fixture;

    [Theory]
    [InlineData("GET", "stats")]
    [InlineData("POST", "winner")]
    public async Task ProposedLinkRoutes_Answer404NotFoundAsMissingRoutes(string method, string route)
    {
        var link = await Api.CreateLinkAsync(_fixture.Api, Api.NewSlug());

        var (status, body) = await Api.SendAsync(_fixture.Api, new HttpMethod(method), $"{Api.Links}/{link.GetProperty("id")}/{route}", method == "POST" ? """{"label":"control"}""" : null);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Not Found", Api.Detail(body));
    }

    [Fact]
    public async Task Conversions_Answer404NotFound()
    {
        var (status, body) = await Api.SendAsync(_fixture.Api, HttpMethod.Post, "api/v1/public/conversions", """{"click_id":"x","event":"signup"}""");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Not Found", Api.Detail(body));
    }

    [Fact]
    public async Task DocumentedRoutes_StillWork_AndTheSlugFilterIsIgnored()
    {
        var link = await Api.CreateLinkAsync(_fixture.Api, Api.NewSlug());
        await Api.CreateLinkAsync(_fixture.Api, Api.NewSlug());

        var (listStatus, list) = await Api.GetAsync(_fixture.Api, $"{Api.Links}?slug={link.GetProperty("slug")}");
        var (clicksStatus, _) = await Api.GetAsync(_fixture.Api, $"{Api.Links}/{link.GetProperty("id")}/clicks");

        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.True(list.GetProperty("total").GetInt32() >= 2);
        Assert.Equal(HttpStatusCode.OK, clicksStatus);
    }
}
