using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Klinky.Emulator.Tests.Support;

/// <summary>Small request helpers over plain HttpClient: the tests check raw status codes, bodies and headers.</summary>
public static class Api
{
    public const string Links = "api/v1/public/links";

    public static string NewSlug(string prefix = "t") => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    public static object LinkBody(string slug, int controlWeight = 50, bool tracking = true, string name = "Test link") => new
    {
        name,
        slug,
        enable_conversion_tracking = tracking,
        variants = new object[]
        {
            new { label = "control", destination_url = "https://example.com/a", weight = controlWeight },
            new { label = "variant_b", destination_url = "https://example.com/b", weight = 100 - controlWeight },
        },
    };

    public static async Task<JsonElement> CreateLinkAsync(HttpClient api, object body)
    {
        using var response = await api.PostAsJsonAsync(Links, body);
        var json = await ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create answered {(int)response.StatusCode}: {json}");
        return json;
    }

    public static Task<JsonElement> CreateLinkAsync(HttpClient api, string slug, int controlWeight = 50, bool tracking = true) =>
        CreateLinkAsync(api, LinkBody(slug, controlWeight, tracking));

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return document.RootElement.Clone();
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string path, string? json = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        using var response = await client.SendAsync(request);
        return (response.StatusCode, await ReadJsonAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(HttpClient client, string path) => await SendAsync(client, HttpMethod.Get, path);

    public static string Detail(JsonElement body) => body.GetProperty("detail").ToString();

    /// <summary>One visitor's redirect: status, Location and the visitor cookie it was given.</summary>
    /// <summary>
    /// One browser visit to <c>/{slug}</c>. <c>Cookies</c> is what a browser would send on its next visit (the cookies it
    /// sent, updated by the answer's Set-Cookie headers); pass it back as <paramref name="cookies"/> to be the same visitor.
    /// </summary>
    public static async Task<(HttpStatusCode Status, string? Location, string? Cookies)> VisitAsync(HttpClient visitor, string slug, string? cookies = null, string? userAgent = null, string? country = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, slug);
        if (cookies is not null)
        {
            request.Headers.Add("Cookie", cookies);
        }

        if (userAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        if (country is not null)
        {
            request.Headers.Add("X-Klinky-Country", country);
        }

        using var response = await visitor.SendAsync(request);
        var jar = (cookies ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.Split('=', 2)).ToDictionary(c => c[0], c => c[1]);
        foreach (var setCookie in response.Headers.TryGetValues("Set-Cookie", out var set) ? set : Array.Empty<string>())
        {
            var pair = setCookie.Split(';')[0].Split('=', 2);
            jar[pair[0]] = pair[1];
        }

        var next = jar.Count == 0 ? null : string.Join("; ", jar.Select(c => c.Key + "=" + c.Value));
        return (response.StatusCode, response.Headers.Location?.ToString(), next);
    }

    public static string? ClickIdOf(string location)
    {
        var marker = location.IndexOf("kl_cid=", StringComparison.Ordinal);
        return marker < 0 ? null : location[(marker + 7)..].Split('&', '#')[0];
    }

    public static async Task<int> ClickTotalAsync(HttpClient api, string linkId)
    {
        var (status, body) = await GetAsync(api, $"{Links}/{linkId}/clicks?per_page=1");
        Assert.Equal(HttpStatusCode.OK, status);
        return body.GetProperty("total").GetInt32();
    }

    public static int Remaining(HttpResponseMessage response) =>
        int.Parse(response.Headers.GetValues("X-RateLimit-Remaining").Single(), System.Globalization.CultureInfo.InvariantCulture);
}
