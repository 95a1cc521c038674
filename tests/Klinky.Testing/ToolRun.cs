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
        await using var process = ToolProcess.Start(fileName, arguments, options);
        await process.CloseInputAsync(options.Input);
        var exitCode = await process.WaitForExitAsync(options.Timeout);
        return new ToolRun(exitCode, process.Output, process.Errors) { Combined = process.Combined };
    }

    public override string ToString() => $"exit {ExitCode}\n{(Combined.Length > 0 ? Combined : Output + "\n" + Errors)}";
}
