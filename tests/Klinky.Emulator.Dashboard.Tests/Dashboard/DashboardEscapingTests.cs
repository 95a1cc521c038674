using System.Net;
using Klinky.Emulator.Dashboard.Tests.Support;
using Klinky.Testing;

namespace Klinky.Emulator.Dashboard.Tests.Dashboard;

/// <summary>Every value a link carries (name, labels, destination URLs) is the API user's input: the pages and the event stream encode it.</summary>
public sealed class DashboardEscapingTests : IClassFixture<DashboardFixture>
{
    public const string HostileName = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\">";
    public const string HostileLabel = "b\"><svg onload=alert(1)>";
    public const string HostileUrl = "https://example.com/b?q=\"><script>alert(2)</script>";
    private readonly DashboardFixture _fixture;

    public DashboardEscapingTests(DashboardFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task LinksPage_LinkPage_AndLiveFragment_EncodeNamesLabelsAndUrls()
    {
        var slug = DashboardFixture.NewSlug();
        var id = await _fixture.CreateLinkAsync(slug, HostileName, otherLabel: HostileLabel, otherUrl: HostileUrl);
        for (var i = 0; i < 20; i++)
        {
            // Visits with their own visitor, so the chart and the table have rows for the hostile label too.
            using var visit = new HttpRequestMessage(HttpMethod.Get, slug);
            visit.Headers.Add("Cookie", $"klinky_vid=visitor{i:D4}escaping");
            await _fixture.Page.SendAsync(visit);
        }

        foreach (var path in new[] { "_klinky/", $"_klinky/links/{id}", $"_klinky/links/{id}/live" })
        {
            using var response = await _fixture.Page.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain("<script>window.pwned", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<svg onload", html, StringComparison.Ordinal);
            Assert.DoesNotContain("\"><script>alert(2)", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>", html.Replace("<script src=\"/_klinky/assets/dashboard.js\" defer></script>", "", StringComparison.Ordinal), StringComparison.Ordinal);
            if (path != "_klinky/")
            {
                Assert.Contains("b&quot;&gt;&lt;svg onload=alert(1)&gt;", html, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task EventStream_CarriesLabelsAsJsonWithHtmlCharactersEscaped()
    {
        var slug = DashboardFixture.NewSlug();
        var id = await _fixture.CreateLinkAsync(slug, HostileName, controlLabel: "c<b>\"x", otherLabel: HostileLabel);
        using var stream = new EventStreamReader(_fixture.Emulator.RootUrl, $"_klinky/links/{id}/events");
        await stream.ConnectAsync();

        var clicks = Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                using var visit = new HttpRequestMessage(HttpMethod.Get, slug);
                visit.Headers.Add("Cookie", $"klinky_vid=visitor{i:D4}events");
                await _fixture.Page.SendAsync(visit);
                await Task.Delay(100);
            }
        });
        var frame = await stream.NextEventAsync("clicks", Poll.GenerousDeadline);
        await clicks;

        Assert.Contains("\\u003Csvg onload=alert(1)\\u003E", frame, StringComparison.Ordinal);
        Assert.Contains("c\\u003Cb\\u003E\\u0022x", frame, StringComparison.Ordinal);
        Assert.DoesNotContain("<", frame, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n", frame.TrimEnd('\n'), StringComparison.Ordinal);
    }
}
