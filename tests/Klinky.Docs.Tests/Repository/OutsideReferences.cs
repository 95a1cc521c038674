using System.Text.RegularExpressions;

namespace Klinky.Docs.Tests.Repository;

/// <summary>
/// What a file must not refer to, because a reader of the repository cannot follow it: folders beside the checkout
/// (a notes folder checked out next to it), absolute paths of a development machine, issue numbers of a tracker the reader may not see, and
/// notes (capitalised Markdown files such as a NOTES or STYLE file) that are not in the repository.
/// </summary>
internal static partial class OutsideReferences
{
    /// <summary>Each offending reference in <paramref name="text"/>, as "line N: what".</summary>
    public static IEnumerable<string> Find(string text, ISet<string> trackedFileNames)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            foreach (var (pattern, what) in Forbidden)
            {
                foreach (Match match in pattern.Matches(line))
                {
                    yield return $"line {i + 1}: {what}: '{match.Value.Trim()}'";
                }
            }

            foreach (Match note in NoteName().Matches(line))
            {
                var name = note.Value.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? note.Value : note.Value + ".md";
                if (!trackedFileNames.Contains(name))
                {
                    yield return $"line {i + 1}: a note that is not in the repository: '{note.Value}'";
                }
            }
        }
    }

    private static readonly (Regex Pattern, string What)[] Forbidden =
    [
        (SharedFolder(), "a folder beside the repository"),
        (MachinePath(), "an absolute path of a development machine"),
        (IssueNumber(), "an issue number"),
    ];

    [GeneratedRegex(@"\.\.[/\\]shared\b", RegexOptions.IgnoreCase)]
    private static partial Regex SharedFolder();

    // "/work/..." at the start of a path; GitHub's runner paths (/home/runner/work/...) are not meant.
    [GeneratedRegex(@"(?<![\w.~-])/work/\w")]
    private static partial Regex MachinePath();

    [GeneratedRegex(@"\bissues?\s*#?\d+\b", RegexOptions.IgnoreCase)]
    private static partial Regex IssueNumber();

    [GeneratedRegex(@"\b[A-Z][A-Z0-9_-]*(?:NOTES\b|\.md\b)")]
    private static partial Regex NoteName();
}
