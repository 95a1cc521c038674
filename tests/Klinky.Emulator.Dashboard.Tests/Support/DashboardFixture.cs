using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Klinky.Testing;

namespace Klinky.Emulator.Dashboard.Tests.Support;

/// <summary>One real emulator process per test class, an API client (key set) and a dashboard client (no redirects, no cookies).</summary>
public partial class DashboardFixture : IAsyncLifetime
{
    private EmulatorProcess? _emulator;

    public EmulatorProcess Emulator => _emulator ?? throw new InvalidOperationException("Not started");

    public HttpClient Api { get; private set; } = null!;

    public HttpClient Page { get; private set; } = null!;

    protected virtual EmulatorOptions Options => new();

    public virtual async Task InitializeAsync()
    {
        _emulator = await EmulatorProcess.StartAsync(Options);
        Api = new HttpClient { BaseAddress = new Uri(Emulator.RootUrl + "/") };
        Api.DefaultRequestHeaders.Add("X-API-Key", Emulator.ApiKey);
        Page = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(Emulator.RootUrl + "/") };
    }

    public virtual async Task DisposeAsync()
    {
        Api?.Dispose();
        Page?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    /// <summary>Creates a link through the API; its id.</summary>
    public async Task<string> CreateLinkAsync(string slug, string name = "Dashboard test", string controlLabel = "control", string otherLabel = "preview", string otherUrl = "https://example.com/b")
    {
        var body = new
        {
            name,
            slug,
            enable_conversion_tracking = true,
            variants = new object[]
            {
                new { label = controlLabel, destination_url = "https://example.com/a", weight = 50 },
                new { label = otherLabel, destination_url = otherUrl, weight = 50 },
            },
        };
        using var response = await Api.PostAsJsonAsync("api/v1/public/links", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create answered {(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("id").GetString()!;
    }

    public async Task<JsonElement> LinkAsync(string id)
    {
        using var response = await Api.GetAsync($"api/v1/public/links/{id}");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    public static string NewSlug(string prefix = "d") => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The CSRF token a dashboard page's forms carry.</summary>
    public static string CsrfOf(string html) => CsrfField().Match(html) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException("No CSRF field in the page:\n" + html);

    [GeneratedRegex("""name="csrf" value="([0-9a-f]{64})""")]
    private static partial Regex CsrfField();
}
