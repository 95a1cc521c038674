using Klinky.Emulator.Tests.Support;
using Klinky.Testing;

namespace Klinky.Emulator.Tests.Simulation;

public sealed class SimulateCommandTests
{
    [Fact]
    public async Task Simulate_SameSeed_GivesTheSameTrafficAndStats()
    {
        var first = await SimulateOnFreshEmulatorAsync(seed: 7);
        var second = await SimulateOnFreshEmulatorAsync(seed: 7);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Simulated 300 visitors", first.Output);
        Assert.Equal(first.Output, second.Output);
        Assert.Equal(first.Counts, second.Counts);
        Assert.Equal(300, first.Counts.Sum(c => c.Clicks));
        Assert.True(first.Counts.Sum(c => c.Conversions) > 0);
    }

    [Fact]
    public async Task Simulate_TwoLinksWithTheSameSeed_CountsTheConversionsOfBoth()
    {
        await using var emulator = await EmulatorProcess.StartAsync();

        var first = await SimulateAsync(emulator, "sim-first", seed: 7);
        var second = await SimulateAsync(emulator, "sim-second", seed: 7);

        // The same seed plays the same visitors; their conversions must not be taken for duplicates of the other link's,
        // so every conversion simulate reports sending is counted on its own link.
        Assert.Equal(ReportedConversions(first.Output), first.Counts.Sum(c => c.Conversions));
        Assert.Equal(ReportedConversions(second.Output), second.Counts.Sum(c => c.Conversions));
        Assert.True(second.Counts.Sum(c => c.Conversions) > 0);
    }

    [Fact]
    public async Task Simulate_AgainOnARecreatedLinkWithTheSameSlugAndSeed_CountsEveryConversionItReports()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        var first = await SimulateAsync(emulator, "sim-again", seed: 7);
        using (var api = new HttpClient { BaseAddress = new Uri(emulator.RootUrl + "/") })
        {
            api.DefaultRequestHeaders.Add("X-API-Key", emulator.ApiKey);
            var (_, page) = await Api.GetAsync(api, $"{Api.Links}?slug=sim-again");
            using var deleted = await api.DeleteAsync($"{Api.Links}/{page.GetProperty("items")[0].GetProperty("id").GetString()}");
            Assert.Equal(System.Net.HttpStatusCode.NoContent, deleted.StatusCode);
        }

        var second = await SimulateAsync(emulator, "sim-again", seed: 7);

        Assert.True(ReportedConversions(first.Output) > 0);
        Assert.Equal(ReportedConversions(first.Output), ReportedConversions(second.Output));
        Assert.Equal(ReportedConversions(second.Output), second.Counts.Sum(c => c.Conversions));
        Assert.DoesNotContain("taken for duplicates", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_ConversionsTheEmulatorTakesForDuplicates_AreReportedApartFromTheCounted()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        await CreateAsync(emulator, "sim-dup");
        var first = await RunSimulateAsync(emulator, "sim-dup", seed: 3);

        // The same link, the same seed, the same visitor ids: a second run's conversions carry the same external_ids.
        var second = await RunSimulateAsync(emulator, "sim-dup", seed: 3);

        Assert.True(ReportedConversions(first) > 0);
        Assert.Equal(0, ReportedConversions(second));
        Assert.Contains($"{ReportedConversions(first)} conversions were taken for duplicates of earlier ones (same external_id) and not counted again", second, StringComparison.Ordinal);
    }

    private static long ReportedConversions(string output) =>
        output.Split('\n').Select(line => System.Text.RegularExpressions.Regex.Match(line, @"conversions\s+(\d+)"))
            .Where(m => m.Success).Sum(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<(int ExitCode, string Output, List<(long Clicks, long Conversions)> Counts)> SimulateOnFreshEmulatorAsync(int seed)
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        return await SimulateAsync(emulator, "sim-determinism", seed);
    }

    private static async Task<(int ExitCode, string Output, List<(long Clicks, long Conversions)> Counts)> SimulateAsync(EmulatorProcess emulator, string slug, int seed)
    {
        using var api = new HttpClient { BaseAddress = new Uri(emulator.RootUrl + "/") };
        api.DefaultRequestHeaders.Add("X-API-Key", emulator.ApiKey);
        var link = await Api.CreateLinkAsync(api, slug);
        var (exitCode, output) = await RunSimulateProcessAsync(emulator, slug, seed);
        var (_, stats) = await Api.GetAsync(api, $"{Api.Links}/{link.GetProperty("id")}/stats");
        var counts = stats.GetProperty("variants").EnumerateArray().Select(v => (v.GetProperty("clicks").GetInt64(), v.GetProperty("conversions").GetInt64())).ToList();
        return (exitCode, output, counts);
    }

    private static async Task<System.Text.Json.JsonElement> CreateAsync(EmulatorProcess emulator, string slug)
    {
        using var api = new HttpClient { BaseAddress = new Uri(emulator.RootUrl + "/") };
        api.DefaultRequestHeaders.Add("X-API-Key", emulator.ApiKey);
        return await Api.CreateLinkAsync(api, slug);
    }

    private static async Task<string> RunSimulateAsync(EmulatorProcess emulator, string slug, int seed) => (await RunSimulateProcessAsync(emulator, slug, seed)).Output;

    private static async Task<(int ExitCode, string Output)> RunSimulateProcessAsync(EmulatorProcess emulator, string slug, int seed)
    {
        var (exitCode, output, error) = await SimulateProcess.RunAsync(emulator, emulator.BaseUrl, slug, "300", "control=0.1,variant_b=0.3", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(exitCode == 0, output + error);
        Assert.DoesNotContain(emulator.ApiKey, output + error);
        return (exitCode, output);
    }
}
