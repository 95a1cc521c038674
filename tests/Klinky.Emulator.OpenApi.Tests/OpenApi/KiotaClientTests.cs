using System.Globalization;
using Klinky.Emulator.OpenApi.Tests.Support;
using Klinky.Testing;

namespace Klinky.Emulator.OpenApi.Tests.OpenApi;

public sealed class KiotaClientTests : IClassFixture<GeneratedClientFixture>
{
    private readonly GeneratedClientFixture _client;

    public KiotaClientTests(GeneratedClientFixture client) => _client = client;

    [Fact]
    public async Task GeneratedClient_OverHttp_RunsMainCallsAndEachErrorPath_WithinTheBudget()
    {
        // The Growth plan's 100 requests an hour, so the program can spend the budget and meet a real 429.
        await using var emulator = await EmulatorProcess.StartAsync(new EmulatorOptions { Plan = "growth" });

        var lines = await RunAndCheckAsync(emulator);

        Assert.Contains("connected auth=ApiKeyHeader", lines);
    }

    [Fact]
    public async Task GeneratedClient_OverHttpsWithTheGeneratedCertificate_SendsTheKeyThroughKiotasApiKeyProvider()
    {
        await using var emulator = await EmulatorProcess.StartAsync(new EmulatorOptions { Plan = "growth", Https = true });
        Assert.StartsWith("https://127.0.0.1:", emulator.RootUrl, StringComparison.Ordinal);
        Assert.True(File.Exists(emulator.CertificatePath), emulator.Output);

        var lines = await RunAndCheckAsync(emulator);

        // Kiota's own provider refuses http; over https it is what sends the key, so every call above went through it.
        Assert.Contains("connected auth=ApiKeyAuthenticationProvider", lines);
    }

    private async Task<string[]> RunAndCheckAsync(EmulatorProcess emulator)
    {
        var prefix = "oa" + Guid.NewGuid().ToString("N")[..6];

        var run = await _client.RunAsync(emulator, prefix);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var today = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains($"created slug={prefix}-main variants=2 created_at={today}", lines);
        Assert.Contains("replayed same_id=True", lines);
        Assert.Contains($"conflict status=409 detail=Slug '{prefix}-main' is already taken", lines);
        Assert.Contains(lines, l => l.StartsWith("invalid status=422 errors=1 loc=body/variants", StringComparison.Ordinal) && l.Contains("must sum to 100", StringComparison.Ordinal));
        Assert.Contains($"page page=2 per_page=2 total=4 items={prefix}-p2,{prefix}-p3", lines);
        Assert.Contains($"read slug={prefix}-main updated_at={today}", lines);
        Assert.Contains("clicks total=0 per_page=100", lines);
        Assert.Contains(lines, l => l.StartsWith("stats status=insufficient_data variants=2 total_clicks=0 start_date=", StringComparison.Ordinal));
        Assert.Contains("not_found status=404 detail=Link not found", lines);
        Assert.Contains("unauthorized status=401 detail=Invalid or missing API key", lines);

        // 12 counted calls before the budget read: 7 POSTs (4 creates, the replay, the 409, the 422) and 5 GETs (list, read,
        // clicks, stats, the 404). The 401 is paid by no workspace; the budget read itself does not count.
        Assert.Contains("budget limit=100 remaining=88", lines);
        Assert.Contains(lines, l => l.StartsWith("rate_limited status=429 after=88 retry_after=", StringComparison.Ordinal)
            && l.EndsWith("detail=Rate limit exceeded. Please try again later.", StringComparison.Ordinal));
        Assert.DoesNotContain(emulator.ApiKey, run.Output + run.Errors, StringComparison.Ordinal);
        return lines;
    }
}
