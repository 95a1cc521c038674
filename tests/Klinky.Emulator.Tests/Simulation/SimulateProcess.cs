using Klinky.Testing;

namespace Klinky.Emulator.Tests.Simulation;

/// <summary><c>klinky-emulator simulate</c> run as a process against a test's emulator.</summary>
internal static class SimulateProcess
{
    // The key goes in KLINKY_API_KEY, as the docs say, never on the command line where every user's ps shows it.
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(EmulatorProcess emulator, string baseUrl, string slug, string visitors, string rates, params string[] extra)
    {
        var run = await ToolRun.RunAsync(
            "dotnet",
            [EmulatorProcess.DllPath, "simulate", "--base-url", baseUrl, "--slug", slug, "--visitors", visitors, "--conversion", rates, .. extra],
            new ToolRunOptions { Environment = new Dictionary<string, string?> { ["KLINKY_API_KEY"] = emulator.ApiKey } });
        return (run.ExitCode, run.Output, run.Errors);
    }
}
