using Klinky.Testing;

namespace Klinky.Tests.Reporting;

/// <summary>
/// Compares a rendered report with its checked-in golden file. Set KLINKY_UPDATE_GOLDEN=1 to rewrite the files in the
/// source tree after a deliberate change, then read the diff before committing it.
/// </summary>
internal static class GoldenFile
{
    public static void AssertMatches(string name, string actual)
    {
        if (Environment.GetEnvironmentVariable("KLINKY_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(RepositoryPaths.Root, "tests", "Klinky.Core.Tests", "Reporting", "Golden", name + ".md"), actual);
            return;
        }

        var path = Path.Combine(AppContext.BaseDirectory, "Reporting", "Golden", name + ".md");
        Assert.True(File.Exists(path), $"Golden file {name}.md is missing; run with KLINKY_UPDATE_GOLDEN=1 to create it.");

        // A checkout with autocrlf may have turned the file's line ends into CRLF; the report always uses '\n'.
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Equal(expected, actual);
    }
}
