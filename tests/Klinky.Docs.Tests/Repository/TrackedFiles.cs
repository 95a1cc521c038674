using Klinky.Testing;

namespace Klinky.Docs.Tests.Repository;

/// <summary>The files the repository holds: <c>git ls-files</c>, so build output and local leftovers never count.</summary>
internal static class TrackedFiles
{
    public static IReadOnlyList<string> All { get; } = List();

    public static IEnumerable<string> Markdown => All.Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase));

    private static string[] List()
    {
        var (exitCode, output) = Git.Run(RepositoryPaths.Root, "ls-files", "-z");
        if (exitCode != 0)
        {
            throw new InvalidOperationException("git ls-files failed in " + RepositoryPaths.Root + ": " + output);
        }

        // A file deleted in the working tree but not yet committed is still listed; only what exists is checked.
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal) // a file with a merge conflict is listed once per stage
            .Where(f => File.Exists(Path.Combine(RepositoryPaths.Root, f)))
            .ToArray();
    }
}
