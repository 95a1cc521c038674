using System.Text.RegularExpressions;
using Klinky.Docs.Tests.Repository;
using Klinky.Testing;

namespace Klinky.Docs.Tests.Samples;

/// <summary>
/// The code blocks of the user documentation (README.md, CONTRIBUTING.md, docs/*.md and docs/diagnostics/), each with
/// the directive before it. The API reference (docs/api/) is checked by the emulator's OpenAPI tests instead.
/// </summary>
internal static partial class DocSamples
{
    /// <summary>What a block may be marked as, per language; the tests run or check every block accordingly.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Directives = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["csharp"] = ["run"],
        ["powershell"] = ["run", "skip"],
        ["bash"] = ["run", "emulator", "install", "skip"],
        ["yaml"] = ["workflow", "steps", "skip"],
        ["xml"] = ["project", "nuget-config"],
        ["json"] = ["output"],
        ["text"] = ["output"],
        ["markdown"] = ["output"],
    };

    public static IReadOnlyList<string> Pages { get; } = TrackedFiles.Markdown
        .Where(f => !f.Contains('/', StringComparison.Ordinal)
            || (f.StartsWith("docs/", StringComparison.Ordinal) && !f.StartsWith("docs/api/", StringComparison.Ordinal)))
        .Order(StringComparer.Ordinal)
        .ToArray();

    public static IReadOnlyList<DocSample> All { get; } = Pages.SelectMany(Read).ToArray();

    public static IEnumerable<DocSample> Read(string page) =>
        Parse(page, File.ReadAllText(Path.Combine(RepositoryPaths.Root, page)));

    public static IEnumerable<DocSample> Parse(string page, string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            var fence = open.Groups["fence"].Value;
            var language = open.Groups["lang"].Value;
            var start = i;
            var body = new List<string>();
            for (i++; i < lines.Length && !(lines[i].StartsWith(fence, StringComparison.Ordinal) && lines[i].Trim().Trim(fence[0]).Length == 0); i++)
            {
                body.Add(lines[i]);
            }

            var (directive, reason) = DirectiveBefore(lines, start);
            yield return new DocSample(page, start + 1, language, string.Join("\n", body) + "\n", directive, reason);
        }
    }

    private static (string? Directive, string? Reason) DirectiveBefore(string[] lines, int fenceLine)
    {
        var j = fenceLine - 1;
        while (j >= 0 && lines[j].Trim().Length == 0)
        {
            j--;
        }

        var match = j >= 0 ? Directive().Match(lines[j]) : Match.Empty;
        return match.Success
            ? (match.Groups["name"].Value, match.Groups["reason"].Success && match.Groups["reason"].Value.Trim().Length > 0 ? match.Groups["reason"].Value.Trim() : null)
            : (null, null);
    }

    [GeneratedRegex(@"^(?<fence>`{3,}|~{3,})(?<lang>[\w+-]*)")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*<!--\s*sample:\s*(?<name>[\w-]+)(?:\s*:\s*(?<reason>.*?))?\s*-->\s*$")]
    private static partial Regex Directive();
}
