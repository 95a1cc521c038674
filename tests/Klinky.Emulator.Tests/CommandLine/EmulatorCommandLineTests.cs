using System.Net;
using System.Reflection;
using Klinky.Emulator.Tests.Support;
using Klinky.Testing;

namespace Klinky.Emulator.Tests.CommandLine;

public sealed class EmulatorCommandLineTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("simulate", "--help")]
    [InlineData("simulate", "-h")]
    public async Task Help_OfEachCommand_ExitsZeroWithItsOptions(params string[] arguments)
    {
        var (exitCode, output, error) = await EmulatorRun.RunAsync(arguments);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains(arguments[0] == "simulate" ? "klinky-emulator simulate [options]" : "klinky-emulator [command] [options]", output, StringComparison.Ordinal);
        Assert.Contains(arguments[0] == "simulate" ? "--visitors" : "--in-memory", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsTheInformationalVersion()
    {
        var expected = typeof(Klinky.Emulator.CommandLine.EmulatorCommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        var (exitCode, output, _) = await EmulatorRun.RunAsync(new[] { "--version" });

        Assert.Equal(0, exitCode);
        Assert.Equal(expected.Split('+')[0], output.Trim().Split('+')[0]);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--plan", "enterprise")]
    [InlineData("--db", "x.db", "--in-memory")]
    [InlineData("--rate-limit", "100/0s")]
    [InlineData("--plan", "growth", "--rate-limit", "100/60s")]
    [InlineData("simulate", "--visitors", "many")]
    public async Task UsageError_ExitsTwoWithOneLineAndAHint(params string[] arguments)
    {
        var (exitCode, _, error) = await EmulatorRun.RunAsync(arguments);

        Assert.Equal(2, exitCode);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("klinky-emulator: ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Run 'klinky-emulator ", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_KeyFromTheEnvironmentAndOptEqualsValue_ServesWithoutShowingTheKey()
    {
        var key = EmulatorProcess.NewApiKey();
        await using var process = ToolProcess.Start(
            "dotnet",
            [EmulatorProcess.DllPath, "--urls=http://127.0.0.1:0", "--plan=growth", "--in-memory"],
            new ToolRunOptions { Environment = new Dictionary<string, string?> { ["KLINKY_API_KEY"] = key } });
        await process.WaitForLineAsync(l => l.StartsWith("Plan:", StringComparison.Ordinal) ? l : null, TimeSpan.FromMinutes(2));
        var lines = process.OutputLines;

        var root = lines[0]["Klinky emulator listening on ".Length..];
        Assert.Equal($"API base URL: {root}/api/v1", lines[1]);
        Assert.Equal("API keys: 1 from --api-key or KLINKY_API_KEY (not shown)", lines[2]);
        Assert.StartsWith("Plan: growth (100 requests/hour)", lines[3], StringComparison.Ordinal);
        Assert.DoesNotContain(key, await File.ReadAllTextAsync($"/proc/{process.Id}/cmdline"), StringComparison.Ordinal);

        using var api = new HttpClient();
        api.DefaultRequestHeaders.Add("X-API-Key", key);
        using var answer = await api.GetAsync($"{root}/api/v1/public/links");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }
}
