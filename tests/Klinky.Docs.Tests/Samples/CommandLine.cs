using Klinky.Testing;

namespace Klinky.Docs.Tests.Samples;

/// <summary>Runs a program as a user's shell would, in a given folder and environment, and captures what it printed.</summary>
internal static class CommandLine
{
    // What the machine running the tests says about itself must not reach the samples: CI variables, Klinky settings,
    // the outer test run's MSBuild.
    private static readonly string[] ScrubbedPrefixes = ["GITHUB_", "RUNNER_", "TF_BUILD", "SYSTEM_", "BUILD_", "GITLAB_", "CI_", "INPUT_", "KLINKY_", "MSBUILD", "VSTEST"];

    public static async Task<CommandResult> RunAsync(
        string program, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout)
    {
        var variables = new Dictionary<string, string?>
        {
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["NO_COLOR"] = "1",
        };
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        try
        {
            var run = await ToolRun.RunAsync(program, arguments, new ToolRunOptions
            {
                WorkingDirectory = workingDirectory,
                Environment = variables,
                Remove = name => name == "CI" || ScrubbedPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase)),
                Timeout = timeout,
            });
            return new CommandResult(run.ExitCode, run.Combined);
        }
        catch (TimeoutException ex)
        {
            // Killed with everything it started; the result says so, with what it printed, as a failed command would.
            return new CommandResult(-1, ex.Message);
        }
    }
}
