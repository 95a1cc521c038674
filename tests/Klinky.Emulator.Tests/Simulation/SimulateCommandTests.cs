using System.Diagnostics;
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

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { EmulatorProcess.DllPath, "simulate", "--base-url", emulator.BaseUrl, "--api-key", emulator.ApiKey, "--slug", slug, "--visitors", "300", "--conversion", "control=0.1,variant_b=0.3", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var (_, stats) = await Api.GetAsync(api, $"{Api.Links}/{link.GetProperty("id")}/stats");
        var counts = stats.GetProperty("variants").EnumerateArray().Select(v => (v.GetProperty("clicks").GetInt64(), v.GetProperty("conversions").GetInt64())).ToList();
        Assert.DoesNotContain(emulator.ApiKey, output);
        return (process.ExitCode, output, counts);
    }
}
