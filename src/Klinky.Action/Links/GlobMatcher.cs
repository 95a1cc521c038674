using System.Text;
using System.Text.RegularExpressions;

namespace Klinky.Action.Links;

/// <summary>
/// The small glob dialect of the <c>manifest</c> input: <c>*</c> and <c>?</c> within one folder, <c>**</c> across folders.
/// Paths are matched with forward slashes, relative to a base directory.
/// </summary>
internal static class GlobMatcher
{
    private static readonly char[] Wildcards = { '*', '?' };

    public static bool HasWildcards(string pattern) => pattern.IndexOfAny(Wildcards) >= 0;

    /// <summary>Every file matching <paramref name="pattern"/>, sorted by path; relative patterns start at <paramref name="baseDirectory"/>.</summary>
    public static IReadOnlyList<string> FindFiles(string pattern, string baseDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        var normalized = pattern.Replace('\\', '/');
        if (!HasWildcards(normalized))
        {
            var path = Path.GetFullPath(normalized, baseDirectory);
            return File.Exists(path) ? new[] { path } : Array.Empty<string>();
        }

        var segments = normalized.Split('/');
        var fixedCount = segments.TakeWhile(s => !HasWildcards(s)).Count();
        var root = Path.GetFullPath(fixedCount == 0 ? "." : string.Join('/', segments.Take(fixedCount)) + "/", baseDirectory);
        if (!Directory.Exists(root))
        {
            return Array.Empty<string>();
        }

        var rest = segments.Skip(fixedCount).ToList();
        var options = new EnumerationOptions
        {
            IgnoreInaccessible = true,
            RecurseSubdirectories = rest.Count > 1 || rest.Contains("**"),
            MaxRecursionDepth = rest.Contains("**") ? int.MaxValue : rest.Count - 1,
            AttributesToSkip = FileAttributes.ReparsePoint,
        };
        var regex = ToRegex(string.Join('/', rest));
        return Directory.EnumerateFiles(root, "*", options)
            .Where(file => regex.IsMatch(Path.GetRelativePath(root, file).Replace('\\', '/')))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static Regex ToRegex(string glob)
    {
        ArgumentNullException.ThrowIfNull(glob);
        var regex = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var followedBySlash = i + 2 < glob.Length && glob[i + 2] == '/';
                regex.Append(followedBySlash ? "(?:.*/)?" : ".*");
                i += followedBySlash ? 2 : 1;
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}
