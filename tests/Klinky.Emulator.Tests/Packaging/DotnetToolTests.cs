using System.Diagnostics;
using System.Net;
using System.Text;
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

        var help = await RunAsync(command, new[] { "--help" }, TimeSpan.FromSeconds(60));

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
        using var process = Start(command, new[] { "--urls", "http://127.0.0.1:0", "--in-memory" });
        var output = new StringBuilder();
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data is not null && ListeningLine().Match(e.Data) is { Success: true } match)
            {
                ready.TrySetResult(match.Groups["url"].Value);
            }
        };
        process.BeginOutputReadLine();
        try
        {
            var rootUrl = await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
            using var http = new HttpClient();
            using var response = await http.GetAsync(rootUrl + "/api/v1/openapi.json");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        Assert.Matches(@"API key: klinky_live_", output.ToString());
    }

    /// <param name="nugetPackages">A private package cache: a rebuilt package of the same version must not be shadowed by a cached one.</param>
    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout, string? nugetPackages = null)
    {
        using var process = Start(fileName, arguments, nugetPackages);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {timeout}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static Process Start(string fileName, IEnumerable<string> arguments, string? nugetPackages = null)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        if (nugetPackages is not null)
        {
            start.Environment["NUGET_PACKAGES"] = nugetPackages;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start " + fileName);
    }

    [GeneratedRegex(@"Klinky emulator listening on (?<url>http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningLine();
}
