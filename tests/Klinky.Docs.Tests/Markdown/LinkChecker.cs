namespace Klinky.Docs.Tests.Markdown;

/// <summary>
/// Checks the relative links of Markdown files inside one folder tree: the target exists, stays inside the tree,
/// and an anchor names a heading of the target (GitHub's rules). Absolute URLs (<c>https:</c>, <c>mailto:</c>) are not
/// fetched: the tests run offline.
/// </summary>
internal sealed class LinkChecker(string root)
{
    private readonly string _root = Path.GetFullPath(root);
    private readonly Dictionary<string, IReadOnlySet<string>> _anchors = new(StringComparer.Ordinal);

    /// <summary>Every problem in <paramref name="relativePaths"/>, as "file: link: what is wrong".</summary>
    public IReadOnlyList<string> Check(IEnumerable<string> relativePaths)
    {
        var problems = new List<string>();
        foreach (var relative in relativePaths)
        {
            var file = Path.Combine(_root, relative);
            foreach (var target in MarkdownText.LinkTargets(File.ReadAllText(file)).Distinct(StringComparer.Ordinal))
            {
                var problem = CheckLink(file, target);
                if (problem is not null)
                {
                    problems.Add($"{relative.Replace('\\', '/')}: ({target}): {problem}");
                }
            }
        }

        return problems;
    }

    private string? CheckLink(string file, string target)
    {
        if (IsAbsoluteUrl(target))
        {
            return null;
        }

        var hash = target.IndexOf('#', StringComparison.Ordinal);
        var pathPart = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
        var anchor = hash < 0 ? null : Uri.UnescapeDataString(target[(hash + 1)..]);
        if (pathPart.StartsWith('/'))
        {
            return "a link starting with / points outside the repository on GitHub; use a relative path";
        }

        var resolved = pathPart.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, pathPart));
        if (resolved != _root && !resolved.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return "points outside the repository";
        }

        if (!File.Exists(resolved) && !Directory.Exists(resolved))
        {
            return "no such file";
        }

        if (anchor is null || anchor.Length == 0 || !resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return AnchorsOf(resolved).Contains(anchor) ? null : $"no heading with the anchor #{anchor}";
    }

    private IReadOnlySet<string> AnchorsOf(string file)
    {
        if (!_anchors.TryGetValue(file, out var anchors))
        {
            anchors = GitHubAnchors.Of(File.ReadAllText(file));
            _anchors[file] = anchors;
        }

        return anchors;
    }

    private static bool IsAbsoluteUrl(string target) =>
        target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
}
