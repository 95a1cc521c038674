using System.Text.RegularExpressions;
using Klinky.Tests.Support;

namespace Klinky.Tests;

/// <summary>The process environment is an explicit input: read by one reader, passed on as arguments, never changed by a test.</summary>
public sealed class ProcessEnvironmentTests
{
    // The one reader (compiled into Klinky.Build and Klinky.PowerShell as shared source).
    private static readonly string[] Readers = { "src/Klinky.Core/ProcessEnvironment.cs" };

    private static readonly Regex Read = new(@"\bGetEnvironmentVariables?\b", RegexOptions.Compiled);
    private static readonly Regex Change = new(@"\bEnvironment\.SetEnvironmentVariable\b", RegexOptions.Compiled);

    [Fact]
    public void Sources_ReadTheEnvironmentOnlyThroughTheOneReader()
    {
        var offenders = Lines("src", Read).Where(hit => !Readers.Contains(hit.File)).Select(hit => hit.ToString()).ToList();

        Assert.True(offenders.Count == 0, "read the environment through ProcessEnvironment (src/Klinky.Core/ProcessEnvironment.cs) and pass the values on:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Tests_NeverChangeTheProcessEnvironment()
    {
        // A test that sets a variable of the test process changes it for every test running meanwhile: tests pass an
        // environment of their own (KlinkyClientOptions.Environment, CiContextReader.Read, a started process's variables).
        var offenders = Lines("tests", Change).Select(hit => hit.ToString()).ToList();

        Assert.True(offenders.Count == 0, "pass an environment instead of changing the process's:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void TheScan_FindsAReadOutsideTheReader()
    {
        // The scan itself can fail: the reader is found by it (and allowed), so a read anywhere else would be too.
        Assert.Contains(Lines("src", Read), hit => hit.File == Readers[0]);
    }

    private static List<SourceLine> Lines(string folder, Regex pattern) => SourceScan.Lines(pattern, "tests/Klinky.Core.Tests/ProcessEnvironmentTests.cs", folder);
}
