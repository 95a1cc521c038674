using Klinky.Testing;

namespace Klinky.Emulator.Tests.Support;

/// <summary>Runs the published emulator as a command (not a server) and collects its exit code and output, as a user's shell would.</summary>
public static class EmulatorRun
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var variables = new Dictionary<string, string?> { ["DOTNET_NOLOGO"] = "1", ["KLINKY_API_KEY"] = null };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }

        var run = await ToolRun.RunAsync("dotnet", [EmulatorProcess.DllPath, .. arguments], new ToolRunOptions { Environment = variables, Timeout = timeout ?? TimeSpan.FromMinutes(2) });
        return (run.ExitCode, run.Output, run.Errors);
    }
}
