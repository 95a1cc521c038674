using System.Text.RegularExpressions;
using Klinky.Action.Links;

namespace Klinky.Action.Tests.Docker;

/// <summary>
/// The rules of a <c>.dockerignore</c>, as Docker applies them: each pattern is cleaned (a trailing slash dropped),
/// matched against the path and each of its parent folders, the last matching rule wins, <c>!</c> re-includes.
/// </summary>
public sealed class DockerIgnore
{
    private readonly List<(Regex Pattern, bool Include)> _rules;

    private DockerIgnore(List<(Regex Pattern, bool Include)> rules) => _rules = rules;

    public static DockerIgnore Load(string path) => new(File.ReadAllLines(path)
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => (Pattern: GlobMatcher.ToRegex(l.TrimStart('!').Trim('/')), Include: l.StartsWith('!')))
        .ToList());

    public bool IsExcluded(string relativePath)
    {
        var parts = relativePath.Replace('\\', '/').Trim('/').Split('/');
        var excluded = false;
        foreach (var (pattern, include) in _rules)
        {
            for (var depth = 1; depth <= parts.Length; depth++)
            {
                if (pattern.IsMatch(string.Join('/', parts.Take(depth))))
                {
                    excluded = !include;
                    break;
                }
            }
        }

        return excluded;
    }
}
