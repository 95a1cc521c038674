using System.Diagnostics;

namespace Klinky.Docs.Tests.Repository;

/// <summary>Runs git (on the PATH, as for any contributor) and returns its exit code and output.</summary>
internal static class Git
{
    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, process.ExitCode == 0 ? stdout : stdout + stderr.Result);
    }
}
