using System.Globalization;
using System.Net;
using Klinky.Emulator.Tests.Support;

namespace Klinky.Emulator.Tests.Redirects;

public sealed class RedirectSessionTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;

    public RedirectSessionTests(EmulatorFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Redirect_ForgedSessionCookie_IsIgnoredAndTheClickIsCounted()
    {
        var slug = Api.NewSlug("forge");
        var linkId = (await Api.CreateLinkAsync(_fixture.Api, slug)).GetProperty("id").GetString()!;
        var chosen = Guid.NewGuid().ToString();
        var tenYears = DateTimeOffset.UtcNow.AddYears(10).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var (status, location, _) = await Api.VisitAsync(_fixture.Visitor, slug, cookies: $"klinky_s={linkId}.{chosen}.{tenYears}");

        Assert.Equal(HttpStatusCode.Found, status);
        var clickId = Api.ClickIdOf(location!);
        Assert.NotNull(clickId);
        Assert.NotEqual(chosen, clickId);
        Assert.Equal(1, await Api.ClickTotalAsync(_fixture.Api, linkId));
    }

    [Fact]
    public async Task Redirect_HeadRequest_IsAnsweredLikeGetButNotCounted()
    {
        var slug = Api.NewSlug("head");
        var linkId = (await Api.CreateLinkAsync(_fixture.Api, slug)).GetProperty("id").GetString()!;

        for (var i = 0; i < 10; i++)
        {
            using var head = await _fixture.Visitor.SendAsync(new HttpRequestMessage(HttpMethod.Head, slug));
            Assert.Equal(HttpStatusCode.Found, head.StatusCode);
            Assert.StartsWith("https://example.com/", head.Headers.Location!.ToString(), StringComparison.Ordinal);
            Assert.Null(Api.ClickIdOf(head.Headers.Location!.ToString()));
        }

        Assert.Equal(0, await Api.ClickTotalAsync(_fixture.Api, linkId));
        var (_, location, _) = await Api.VisitAsync(_fixture.Visitor, slug);
        Assert.NotNull(Api.ClickIdOf(location!));
        Assert.Equal(1, await Api.ClickTotalAsync(_fixture.Api, linkId));
    }

    [Fact]
    public async Task Healthz_WithEveryClickStored_AnswersOkWithoutAKey()
    {
        using var health = await _fixture.Visitor.GetAsync("healthz");

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("""{"status":"ok","unrecorded_clicks":0,"pending_clicks":0,"last_storage_error":null}""", await health.Content.ReadAsStringAsync());
    }
}
