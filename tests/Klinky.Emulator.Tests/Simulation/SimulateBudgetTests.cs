using System.Globalization;
using System.Text.RegularExpressions;
using Klinky.Emulator.Tests.Support;
using Klinky.Testing;

namespace Klinky.Emulator.Tests.Simulation;

/// <summary><c>simulate</c> and the key's hourly budget: what a run would cost is checked first, and what it cost is printed.</summary>
public sealed class SimulateBudgetTests
{
    [Fact]
    public async Task Simulate_MoreThanTheBudgetCanPay_IsRefusedBeforeAnyRequest_WithTheNumberNeeded()
    {
        await using var emulator = await EmulatorProcess.StartAsync(new EmulatorOptions { Plan = "growth" });
        using var api = Client(emulator);
        await Api.CreateLinkAsync(api, "sim-budget");
        var before = await RemainingAsync(api);

        var (exitCode, output, error) = await SimulateProcess.RunAsync(emulator, emulator.BaseUrl, "sim-budget", "2000", "control=0.1,variant_b=0.1");

        Assert.Equal(1, exitCode);
        Assert.DoesNotContain("Simulated", output, StringComparison.Ordinal);
        var needed = int.Parse(Regex.Match(error, @"needs up to (\d+) API requests").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(needed, 150, 260);
        Assert.Contains($"the key has {before} of 100 left this hour", error, StringComparison.Ordinal);
        Assert.Contains("--ignore-budget", error, StringComparison.Ordinal);
        // The reset worded as every product words it (Core's ResetTime): with the date, since it can fall after midnight.
        Assert.Matches(@"resets at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(in about \d+ min\)", error);
        Assert.Equal(before, await RemainingAsync(api));
    }

    [Fact]
    public async Task Simulate_WithIgnoreBudget_RunsAnyway()
    {
        await using var emulator = await EmulatorProcess.StartAsync(new EmulatorOptions { Plan = "growth" });
        using var api = Client(emulator);
        await Api.CreateLinkAsync(api, "sim-ignore");

        var (_, output, error) = await SimulateProcess.RunAsync(emulator, emulator.BaseUrl, "sim-ignore", "400", "control=0.5,variant_b=0.5", "--ignore-budget");

        Assert.Contains("Simulated 400 visitors", output, StringComparison.Ordinal);
        Assert.DoesNotContain("needs up to", error, StringComparison.Ordinal);
        Assert.Contains(", 0 of 100 left this hour", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Simulate_PrintsTheRequestsItSpentAndTheBudgetLeft_WithTheApiBaseUrlOrTheRoot(bool apiBase)
    {
        await using var emulator = await EmulatorProcess.StartAsync(new EmulatorOptions { Plan = "scale" });
        using var api = Client(emulator);
        await Api.CreateLinkAsync(api, "sim-spent");

        var (exitCode, output, error) = await SimulateProcess.RunAsync(emulator, apiBase ? emulator.BaseUrl : emulator.RootUrl, "sim-spent", "200", "control=0.1,variant_b=0.2");

        Assert.True(exitCode == 0, output + error);
        var line = Regex.Match(output, @"API requests: (\d+) spent \(1 to find the link, (\d+) conversions; redirects are free\), (\d+) of 1000 left this hour");
        Assert.True(line.Success, output);
        var spent = int.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(1 + int.Parse(line.Groups[2].Value, CultureInfo.InvariantCulture), spent);
        Assert.True(spent > 1, output);
        var left = int.Parse(line.Groups[3].Value, CultureInfo.InvariantCulture);
        Assert.Equal(left, await RemainingAsync(api));
        Assert.Equal(1000 - 1 - spent, left);
    }

    private static HttpClient Client(EmulatorProcess emulator)
    {
        var api = new HttpClient { BaseAddress = new Uri(emulator.RootUrl + "/") };
        api.DefaultRequestHeaders.Add("X-API-Key", emulator.ApiKey);
        return api;
    }

    // The free read: it does not change what it reads.
    private static async Task<int> RemainingAsync(HttpClient api) =>
        (await Api.GetAsync(api, "api/v1/public/keys/rate-limit")).Body.GetProperty("remaining").GetInt32();
}
