using System.Diagnostics;
using Klinky.Testing;

namespace Klinky.Emulator.Tests.Simulation;

/// <summary><c>klinky-emulator simulate</c> run as a process against a test's emulator.</summary>
internal static class SimulateProcess
{
    // The key goes in KLINKY_API_KEY, as the docs say, never on the command line where every user's ps shows it.
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(EmulatorProcess emulator, string baseUrl, string slug, string visitors, string rates, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { EmulatorProcess.DllPath, "simulate", "--base-url", baseUrl, "--slug", slug, "--visitors", visitors, "--conversion", rates }.Concat(extra))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["KLINKY_API_KEY"] = emulator.ApiKey;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
