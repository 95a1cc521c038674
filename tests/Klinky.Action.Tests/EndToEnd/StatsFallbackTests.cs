using System.Text.Json;
using Klinky.Links;
using Klinky.Testing;

namespace Klinky.Action.Tests.EndToEnd;

/// <summary>
/// A server without the stats route (the emulator's documented profile): the stats are computed from the clicks export,
/// and the run says so, with the requests it cost, in the log, the report and the report file.
/// </summary>
public sealed class StatsFallbackTests
{
    [Fact]
    public async Task ServerWithoutStatsRoute_ComputesFromClicks_AndReportsTheFallback()
    {
        await using var emulator = await EmulatorProcess.StartAsync(new EmulatorOptions { Plan = "scale", Profile = "documented" });
        using var klinky = new KlinkyClient(new KlinkyClientOptions { BaseUrl = emulator.BaseUrl, ApiKey = emulator.ApiKey });
        var link = await klinky.Links.CreateAsync(new CreateLinkRequest("Fallback", new[] { new Variant("control", "https://example.com/a", 50), new Variant("b", "https://example.com/b", 50) }) { Slug = "fallback-a" });
        using (var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }))
        {
            for (var i = 0; i < 3; i++)
            {
                using var response = await http.GetAsync(new Uri($"{emulator.RootUrl}/fallback-a"));
                Assert.Equal(System.Net.HttpStatusCode.Found, response.StatusCode);
            }
        }

        using var sandbox = new RunnerSandbox("http://127.0.0.1:9/api/v3", "push", RunnerSandbox.Fixture("push"))
            .WithInput("api-key", emulator.ApiKey)
            .WithInput("base-url", emulator.BaseUrl)
            .WithInput("links", link.Id);

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"::warning title=Klinky::The Klinky server has no stats route: stats were computed from the clicks export \(\d+ requests\)", result.Stdout);
        Assert.Contains("computed from the clicks export", sandbox.ReadSummary(), StringComparison.Ordinal);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(sandbox.RunnerTemp, sandbox.ReadOutputs()["report-path"])));
        var reported = Assert.Single(report.RootElement.GetProperty("links").EnumerateArray());
        Assert.Equal("computed_from_clicks", reported.GetProperty("stats_source").GetString());
        Assert.Equal(3, reported.GetProperty("stats").GetProperty("total_clicks").GetInt64());
    }
}
