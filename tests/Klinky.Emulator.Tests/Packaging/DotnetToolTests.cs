using System.Net;
using System.Text.RegularExpressions;
using Klinky.Testing;

namespace Klinky.Emulator.Tests.Packaging;

/// <summary>The <c>klinky-emulator</c> dotnet tool that ./build.sh packs into artifacts/packages installs and serves.</summary>
public sealed partial class DotnetToolTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("klinky-tool-").FullName;

    [Fact]
    public async Task ToolPackage_Installs_PrintsUsage_AndServesTheApi()
    {
        var toolPath = Path.Combine(_temp, "tools");
        var install = await RunAsync(
            "dotnet",
            new[] { "tool", "install", "klinky-emulator", "--tool-path", toolPath, "--add-source", PackageFolder(), "--version", PackageVersion() },
            TimeSpan.FromMinutes(3),
            Path.Combine(_temp, "nuget"));
        Assert.True(install.ExitCode == 0, install.Output);
        var command = Path.Combine(toolPath, "klinky-emulator");

        var help = await RunAsync(command, new[] { "--help" }, TimeSpan.FromMinutes(2));

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("klinky-emulator [command] [options]", help.Output);
        await AssertServesAsync(command);
    }

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string PackageFolder() => Path.Combine(RepositoryPaths.Artifacts, "packages");

    private static string PackageVersion()
    {
        var packages = Directory.Exists(PackageFolder()) ? Directory.GetFiles(PackageFolder(), "klinky-emulator.*.nupkg") : Array.Empty<string>();
        Assert.True(packages.Length == 1, $"Expected one klinky-emulator package in {PackageFolder()}, found {packages.Length}: run ./build.sh first.");
        return Path.GetFileNameWithoutExtension(packages[0])["klinky-emulator.".Length..];
    }

    private static async Task AssertServesAsync(string command)
    {
        await using var process = ToolProcess.Start(command, new[] { "--urls", "http://127.0.0.1:0", "--in-memory" });
        var rootUrl = await process.WaitForLineAsync(
            line => ListeningLine().Match(line) is { Success: true } match ? match.Groups["url"].Value : null,
            TimeSpan.FromMinutes(2));
        using var http = new HttpClient();
        using var response = await http.GetAsync(rootUrl + "/api/v1/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"API key: klinky_live_", process.Output);
    }

    /// <param name="nugetPackages">A private package cache: a rebuilt package of the same version must not be shadowed by a cached one.</param>
    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? nugetPackages = null)
    {
        var run = await ToolRun.RunAsync(fileName, arguments, new ToolRunOptions
        {
            Environment = new Dictionary<string, string?> { ["DOTNET_NOLOGO"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["NUGET_PACKAGES"] = nugetPackages },
            Timeout = timeout,
        });
        return (run.ExitCode, run.Output + run.Errors);
    }

    [GeneratedRegex(@"Klinky emulator listening on (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
