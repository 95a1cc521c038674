using System.Text.RegularExpressions;
using Klinky.Testing;

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

    private static List<Hit> Lines(string folder, Regex pattern)
    {
        var hits = new List<Hit>();
        var root = Path.Combine(RepositoryPaths.Root, folder);
        foreach (var path in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/');
            if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal) || relative == "tests/Klinky.Core.Tests/ProcessEnvironmentTests.cs")
            {
                continue;
            }

            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                var code = lines[i].TrimStart();
                if (!code.StartsWith("//", StringComparison.Ordinal) && !code.StartsWith("///", StringComparison.Ordinal) && pattern.IsMatch(lines[i]))
                {
                    hits.Add(new Hit(relative, i + 1, code));
                }
            }
        }

        return hits;
    }

    private sealed record Hit(string File, int Line, string Code)
    {
        public override string ToString() => $"{File}:{Line}: {Code}";
    }
}
