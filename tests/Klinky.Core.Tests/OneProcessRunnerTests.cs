using System.Text.RegularExpressions;
using Klinky.Tests.Support;

namespace Klinky.Tests;

/// <summary>
/// Every process a test or a bench starts goes through the one runner (<c>tests/Klinky.Testing/ToolProcess.cs</c>): its
/// own environment, output read as it comes, and the whole process tree killed on dispose, so none is left behind.
/// </summary>
public sealed class OneProcessRunnerTests
{
    private const string Runner = "tests/Klinky.Testing/ToolProcess.cs";

    private static readonly Regex Start = new(@"\bnew\s+ProcessStartInfo\b|\bProcess\.Start\s*\(|\bnew\s+Process\s*[({]", RegexOptions.Compiled);

    [Fact]
    public void TestsAndBenches_StartProcessesOnlyThroughTheRunner()
    {
        var offenders = Hits().Where(hit => hit.File != Runner).Select(hit => hit.ToString()).ToList();

        Assert.True(offenders.Count == 0, $"start processes with Klinky.Testing.ToolProcess or ToolRun ({Runner}):\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void TheScan_FindsTheRunnersOwnStart()
    {
        // The scan itself can fail: the runner's start is found by it (and allowed), so one anywhere else would be too.
        Assert.Contains(Hits(), hit => hit.File == Runner);
    }

    private static List<SourceLine> Hits() => SourceScan.Lines(Start, "tests/Klinky.Core.Tests/OneProcessRunnerTests.cs", "tests", "bench");
}
