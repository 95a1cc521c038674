using System.Diagnostics;
using System.Text;

namespace Klinky.Testing;

/// <summary>
/// The one process runner of the tests: runs a program to completion and tells how it ended (exit code, each stream, and
/// both interleaved as a terminal would show them). A run that outlives its timeout is killed with every process it
/// started, so no test leaves one behind (<c>./build.sh test</c> fails on any that is still running at its end).
/// </summary>
public sealed record ToolRun(int ExitCode, string Output, string Errors)
{
    /// <summary>The variable <c>./build.sh test</c> marks the processes of a test run with.</summary>
    public const string TestRunMark = "KLINKY_TEST_RUN";

    /// <summary>Standard output and standard error, line by line in the order they arrived.</summary>
    public string Combined { get; init; } = "";

    /// <summary>
    /// Runs <paramref name="fileName"/> to completion within <paramref name="timeout"/>. A tool that is not installed is a
    /// failure naming <paramref name="installHint"/>, never a skip: the checks it serves are part of the suite.
    /// </summary>
    public static Task<ToolRun> StartAsync(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string>? environment,
        TimeSpan timeout,
        string installHint) =>
        RunAsync(fileName, arguments, new ToolRunOptions
        {
            WorkingDirectory = workingDirectory,
            Environment = environment?.ToDictionary(p => p.Key, p => (string?)p.Value),
            Timeout = timeout,
            InstallHint = installHint,
        });

    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> to completion.</summary>
    /// <exception cref="TimeoutException">It did not finish within <see cref="ToolRunOptions.Timeout"/> (it was killed, with what it started).</exception>
    /// <exception cref="InvalidOperationException">It could not be started (not installed).</exception>
    public static async Task<ToolRun> RunAsync(string fileName, IEnumerable<string> arguments, ToolRunOptions? options = null)
    {
        options ??= new ToolRunOptions();
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = options.WorkingDirectory ?? "",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (options.Remove is { } remove)
        {
            // The test run's mark stays: ./build.sh test finds the processes left running by it (.ci/stray-processes.sh).
            foreach (var name in start.Environment.Keys.Where(name => remove(name) && name != TestRunMark).ToList())
            {
                start.Environment.Remove(name);
            }
        }

        foreach (var (name, value) in options.Environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var output = new StringBuilder();
        var errors = new StringBuilder();
        var combined = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data, output, combined);
        process.ErrorDataReceived += (_, e) => Append(e.Data, errors, combined);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"{fileName} is needed here ({ex.Message}){(options.InstallHint is null ? "" : ": " + options.InstallHint)}", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (options.Input is { } input)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        using var limit = new CancellationTokenSource(options.Timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish within {options.Timeout.TotalSeconds:0} s (killed):\n{Text(combined)}");
        }

        // The exit can be seen before the last lines are read; the parameterless wait drains them.
        process.WaitForExit();
        return new ToolRun(process.ExitCode, Text(output), Text(errors)) { Combined = Text(combined) };
    }

    public override string ToString() => $"exit {ExitCode}\n{(Combined.Length > 0 ? Combined : Output + "\n" + Errors)}";

    private static void Append(string? line, StringBuilder stream, StringBuilder combined)
    {
        if (line is null)
        {
            return;
        }

        lock (combined)
        {
            stream.AppendLine(line);
            combined.AppendLine(line);
        }
    }

    private static string Text(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }
}
