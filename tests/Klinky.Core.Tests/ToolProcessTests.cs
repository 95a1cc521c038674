using System.Globalization;
using System.Text.RegularExpressions;
using Klinky.Testing;

namespace Klinky.Tests;

/// <summary>
/// The suite's one process runner (<see cref="ToolProcess"/>, <see cref="ToolRun"/>) keeps its promises: what a test
/// starts is gone when the test is done, a waited-for line that never comes is a failure naming the output, and a started
/// program sees the variables the test gives it, not the ones it removes.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class ToolProcessTests
{
    [Fact]
    public async Task Dispose_KillsTheProcessAndEveryProcessItStarted()
    {
        var process = ToolProcess.Start("bash", ["-c", "sleep 600 & echo \"child $!\"; wait"]);
        int child;
        await using (process)
        {
            var line = await process.WaitForLineAsync(l => ChildLine().IsMatch(l) ? l : null, Poll.GenerousDeadline);
            child = int.Parse(ChildLine().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.True(IsRunning(child), $"the child {child} is not running before the dispose");
        }

        Assert.True(await Poll.UntilAsync(() => Task.FromResult(!IsRunning(child))), $"the child {child} outlived the dispose");
    }

    [Fact]
    public async Task WaitForLine_ThatNeverComes_FailsWhenTheOutputEnds_NamingWhatWasPrinted()
    {
        await using var process = ToolProcess.Start("bash", ["-c", "echo one"]);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => process.WaitForLineAsync(line => line == "two" ? line : null, Poll.GenerousDeadline));

        Assert.Contains("ended its output without the line waited for", error.Message, StringComparison.Ordinal);
        Assert.Contains("one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SeesTheVariablesItIsGiven_AndNotTheOnesRemoved_WithItsInputAndFolder()
    {
        var folder = Directory.CreateTempSubdirectory("klinky-toolrun-").FullName;
        try
        {
            // HOME is set wherever bash runs; a null value removes a variable too (here one that is not there at all).
            var run = await ToolRun.RunAsync("bash", ["-c", "read line; echo \"$line ${KLINKY_GIVEN-unset} ${HOME-unset} ${KLINKY_ABSENT-unset} $(pwd)\""], new ToolRunOptions
            {
                Environment = new Dictionary<string, string?> { ["KLINKY_GIVEN"] = "given", ["KLINKY_ABSENT"] = null },
                Remove = name => name == "HOME",
                Input = "typed\n",
                WorkingDirectory = folder,
            });

            Assert.Equal(0, run.ExitCode);
            Assert.Equal($"typed given unset unset {folder}", run.Output.TrimEnd('\n'));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Running unless gone or a zombie (killed, not yet reaped by whoever adopted it).
    private static bool IsRunning(int pid)
    {
        try
        {
            return !File.ReadAllText($"/proc/{pid}/stat").Split(") ")[^1].StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^child (\d+)$")]
    private static partial Regex ChildLine();
}
