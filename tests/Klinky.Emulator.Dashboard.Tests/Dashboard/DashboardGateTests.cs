using System.Net;
using Klinky.Emulator.Dashboard.Tests.Support;

namespace Klinky.Emulator.Dashboard.Tests.Dashboard;

/// <summary>The dashboard's door on loopback: writes only from its own pages (fetch metadata, Origin, the form token), reads only for loopback hosts.</summary>
public sealed class DashboardGateTests : IClassFixture<DashboardFixture>
{
    private readonly DashboardFixture _fixture;

    public DashboardGateTests(DashboardFixture fixture) => _fixture = fixture;

    public static TheoryData<string, string?, string?, bool> Writes => new()
    {
        // case, Origin, Sec-Fetch-Site, token given
        { "another site's Origin", "http://attacker.example", null, true },
        { "fetch metadata cross-site", null, "cross-site", true },
        { "fetch metadata same-site (a sibling port or subdomain)", null, "same-site", true },
        { "no form token", null, "same-origin", false },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task CrossSiteOrTokenlessWrite_IsRefusedWith403_AndChangesNothing(string @case, string? origin, string? fetchSite, bool withToken)
    {
        var id = await _fixture.CreateLinkAsync(DashboardFixture.NewSlug());
        var csrf = DashboardFixture.CsrfOf(await _fixture.Page.GetStringAsync($"_klinky/links/{id}"));

        using var response = await PostWinnerAsync(id, withToken ? csrf : null, origin, fetchSite);

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{@case}: answered {(int)response.StatusCode}");
        Assert.Contains("Refused", await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKindNull, (await _fixture.LinkAsync(id)).GetProperty("winner_label").ValueKind);
    }

    [Fact]
    public async Task SameOriginWriteWithToken_DeclaresTheWinnerThroughTheApi()
    {
        var id = await _fixture.CreateLinkAsync(DashboardFixture.NewSlug());
        var csrf = DashboardFixture.CsrfOf(await _fixture.Page.GetStringAsync($"_klinky/links/{id}"));

        using var response = await PostWinnerAsync(id, csrf, _fixture.Emulator.RootUrl, "same-origin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("preview", (await _fixture.LinkAsync(id)).GetProperty("winner_label").GetString());
    }

    [Theory]
    [InlineData("attacker.example")]
    [InlineData("attacker.example:80")]
    public async Task LoopbackPeerNamingAnotherHost_IsRefused_SoDnsRebindingCannotReadThePages(string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "_klinky/");
        request.Headers.Host = host;

        using var response = await _fixture.Page.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("<table", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_CarryAContentSecurityPolicyWithoutInlineScript()
    {
        using var response = await _fixture.Page.GetAsync("_klinky/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private Task<HttpResponseMessage> PostWinnerAsync(string id, string? csrf, string? origin, string? fetchSite)
    {
        var fields = new Dictionary<string, string> { ["label"] = "preview" };
        if (csrf is not null)
        {
            fields["csrf"] = csrf;
        }

        var request = new HttpRequestMessage(HttpMethod.Post, $"_klinky/links/{id}/winner") { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Klinky-Async", "1");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        return _fixture.Page.SendAsync(request);
    }
}
