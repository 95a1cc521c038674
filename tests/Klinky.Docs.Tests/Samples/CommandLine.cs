using System.Diagnostics;
using System.Text;

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
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in start.Environment.Keys.Where(k => k == "CI" || ScrubbedPrefixes.Any(p => k.StartsWith(p, StringComparison.OrdinalIgnoreCase))).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Append(output, $"(killed after {timeout.TotalSeconds:0} s)");
        }

        process.WaitForExit();
        lock (output)
        {
            return new CommandResult(process.HasExited ? process.ExitCode : -1, output.ToString());
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }
}
