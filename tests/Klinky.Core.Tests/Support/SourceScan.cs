using System.Text.RegularExpressions;
using Klinky.Testing;

namespace Klinky.Tests.Support;

/// <summary>
/// The repository's C# lines (outside bin/, obj/ and comments) that match a pattern: how the rules the suite keeps about
/// its own sources (one environment reader, one process runner) are checked.
/// </summary>
public static class SourceScan
{
    /// <param name="pattern">What a line must contain.</param>
    /// <param name="scanner">The test doing the scan (its own file names the pattern, so it is left out).</param>
    /// <param name="folders">Folders under the repository root, e.g. <c>src</c>.</param>
    public static List<SourceLine> Lines(Regex pattern, string scanner, params string[] folders)
    {
        var hits = new List<SourceLine>();
        foreach (var folder in folders)
        {
            foreach (var path in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, folder), "*.cs", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/');
                if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal) || relative == scanner)
                {
                    continue;
                }

                var lines = File.ReadAllLines(path);
                for (var i = 0; i < lines.Length; i++)
                {
                    if (!lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal) && pattern.IsMatch(lines[i]))
                    {
                        hits.Add(new SourceLine(relative, i + 1, lines[i].Trim()));
                    }
                }
            }
        }

        return hits;
    }
}

/// <summary>One line a <see cref="SourceScan"/> found.</summary>
public sealed record SourceLine(string File, int Line, string Code)
{
    public override string ToString() => $"{File}:{Line}: {Code}";
}
