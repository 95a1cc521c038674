using System.Diagnostics;

namespace Klinky.Testing;

/// <summary>How a command-line tool's run ended: its exit code and what it printed on each stream.</summary>
public sealed record ToolRun(int ExitCode, string Output, string Errors)
{
    /// <summary>
    /// Runs <paramref name="fileName"/> to completion within <paramref name="timeout"/>. A tool that is not installed is a
    /// failure naming <paramref name="installHint"/>, never a skip: the checks it serves are part of the suite.
    /// </summary>
    public static async Task<ToolRun> StartAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment,
        TimeSpan timeout,
        string installHint)
    {
        var start = new ProcessStartInfo(fileName)
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

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"{fileName} is needed here ({ex.Message}): {installHint}", ex);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout.TotalSeconds:0} s");
            }

            return new ToolRun(process.ExitCode, await stdout, await stderr);
        }
    }

    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Errors}";
}
