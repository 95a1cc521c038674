using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Flurl.Http;
using Klinky;
using Klinky.Links;
using Klinky.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Klinky.Benchmarks;

/// <summary>
/// GET one link from a loopback server: through <see cref="KlinkyClient"/> (Flurl, headers, rate-limit reading,
/// error mapping, JSON) and through a bare <see cref="HttpClient"/> that sends the same request and reads the same JSON.
/// The ratio is the core's overhead.
/// </summary>
[MemoryDiagnoser]
public class CoreOverheadBenchmarks
{
    private const string ApiKey = "klinky_live_benchmarkbenchmarkbenchmark00";
    private WebApplication? _server;
    private KlinkyClient? _client;
    private HttpClient? _bare;
    private string _linkUrl = "";

    [GlobalSetup]
    public void Setup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        var body = System.Text.Encoding.UTF8.GetBytes(SampleLink);
        _server.MapGet("/api/v1/public/links/{id}", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/json";
            context.Response.Headers["X-RateLimit-Limit"] = "1000000";
            context.Response.Headers["X-RateLimit-Remaining"] = "999999";
            context.Response.Headers["X-RateLimit-Reset"] = "1795000000";
            await context.Response.Body.WriteAsync(body);
        });
        _server.StartAsync().GetAwaiter().GetResult();
        var root = _server.Urls.First();
        _client = new KlinkyClient(new KlinkyClientOptions { BaseUrl = root + "/api/v1", ApiKey = ApiKey });
        _bare = new HttpClient();
        _linkUrl = root + "/api/v1/public/links/550e8400-e29b-41d4-a716-446655440000";
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client?.Dispose();
        _bare?.Dispose();
        _server?.StopAsync().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "bare HttpClient + System.Text.Json")]
    public async Task<Link?> BareHttpClient()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _linkUrl);
        request.Headers.Add("X-API-Key", ApiKey);
        request.Headers.Add("Accept", "application/json");
        using var response = await _bare!.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var json = await response.Content.ReadAsStringAsync();
        return JsonSerializer.Deserialize<Link>(json, KlinkyJson.Options);
    }

    private Flurl.Http.FlurlClient? _flurlRaw;

    [Benchmark(Description = "flurl raw")]
    public async Task<Link?> FlurlRaw()
    {
        _flurlRaw ??= new Flurl.Http.FlurlClient(new HttpClient());
        var json = await _flurlRaw.Request(_linkUrl).WithHeader("X-API-Key", ApiKey).GetStringAsync();
        return JsonSerializer.Deserialize<Link>(json, KlinkyJson.Options);
    }

    [Benchmark(Description = "KlinkyClient.Links.GetAsync")]
    public Task<Link> KlinkyCore() => _client!.Links.GetAsync("550e8400-e29b-41d4-a716-446655440000");

    private const string SampleLink = """
        {"id":"550e8400-e29b-41d4-a716-446655440000","name":"Homepage Headline Test","slug":"homepage-test",
         "short_url":"https://klinky.io/homepage-test","routing_type":"ab_test","is_active":true,
         "variants":[{"label":"control","destination_url":"https://example.com/home","weight":50},
                     {"label":"variant_b","destination_url":"https://example.com/home-v2","weight":50}],
         "geo_rules":null,"auto_winner":false,"auto_winner_threshold":100,"enable_conversion_tracking":true,
         "conversion_redirect_url":null,"winner_label":null,"created_at":"2026-01-15T14:30:00Z","updated_at":"2026-01-15T14:30:00Z"}
        """;
}
