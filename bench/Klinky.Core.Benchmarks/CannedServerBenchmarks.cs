using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Klinky.Benchmarks;

/// <summary>
/// The worst case for the core's share: an in-process server that answers a canned link in microseconds,
/// so only client-side costs (Flurl, headers, rate-limit reading, JSON) separate the two columns.
/// </summary>
public class CannedServerBenchmarks : OverheadBenchmarks
{
    private WebApplication? _server;

    protected override string StartServer()
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
        LinkId = "550e8400-e29b-41d4-a716-446655440000";
        return _server.Urls.First() + "/api/v1";
    }

    protected override void StopServer() => _server?.StopAsync().GetAwaiter().GetResult();

    private const string SampleLink = """
        {"id":"550e8400-e29b-41d4-a716-446655440000","name":"Homepage Headline Test","slug":"homepage-test",
         "short_url":"https://klinky.io/homepage-test","routing_type":"ab_test","is_active":true,
         "variants":[{"label":"control","destination_url":"https://example.com/home","weight":50},
                     {"label":"variant_b","destination_url":"https://example.com/home-v2","weight":50}],
         "geo_rules":null,"auto_winner":false,"auto_winner_threshold":100,"enable_conversion_tracking":true,
         "conversion_redirect_url":null,"winner_label":null,"created_at":"2026-01-15T14:30:00Z","updated_at":"2026-01-15T14:30:00Z"}
        """;
}
