using System.Net;

namespace Klinky.Tests.Integration;

/// <summary>Browsers following a short link: each has its own cookie jar, so the emulator sees distinct visitors.</summary>
internal static class Visitors
{
    /// <summary>Sends <paramref name="count"/> distinct visitors to <c>/{slug}</c>; returns each redirect's Location.</summary>
    public static async Task<IReadOnlyList<Uri>> VisitAsync(string rootUrl, string slug, int count)
    {
        var locations = new List<Uri>();
        for (var i = 0; i < count; i++)
        {
            using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
            using var browser = new HttpClient(handler);
            using var response = await browser.GetAsync($"{rootUrl}/{slug}");
            Assert.Equal(HttpStatusCode.Found, response.StatusCode);
            locations.Add(response.Headers.Location!);
        }

        return locations;
    }

    public static string? ClickId(Uri location) =>
        location.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Where(p => p[0] == "kl_cid").Select(p => Uri.UnescapeDataString(p[1])).FirstOrDefault();

    /// <summary>Polls (with a generous deadline) until the export shows the expected count.</summary>
    public static async Task WaitForClicksAsync(KlinkyClient client, string linkId, int expected)
    {
        var reached = await Klinky.Testing.Poll.UntilAsync(async () =>
            (await client.Clicks.ListAsync(linkId, new Clicks.ClickListOptions { PerPage = 1 })).Total >= expected);

        Assert.True(reached, $"the export did not reach {expected} clicks within {Klinky.Testing.Poll.GenerousDeadline.TotalSeconds:0} s");
    }
}
