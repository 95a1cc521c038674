using System.Text;
using System.Text.RegularExpressions;

namespace Klinky.Docs.Tests.Markdown;

/// <summary>
/// The anchors GitHub gives a Markdown file's headings: lower case, inline markup and punctuation dropped (letters,
/// digits, <c>_</c> and <c>-</c> stay), spaces become <c>-</c>, and a repeated heading gets <c>-1</c>, <c>-2</c>, ...
/// Explicit <c>&lt;a name="..."&gt;</c> / <c>id="..."</c> anchors count too.
/// </summary>
internal static partial class GitHubAnchors
{
    public static string Slug(string heading)
    {
        var text = HtmlTag().Replace(heading, string.Empty);
        text = LinkMarkup().Replace(text, "$1");
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c == '_' || c == '-')
            {
                builder.Append(c);
            }
            else if (c == ' ')
            {
                builder.Append('-');
            }
        }

        return builder.ToString();
    }

    public static IReadOnlySet<string> Of(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in MarkdownText.LinesOutsideFences(markdown))
        {
            var heading = AtxHeading().Match(line);
            if (heading.Success)
            {
                var slug = Slug(heading.Groups[1].Value);
                var count = seen.TryGetValue(slug, out var n) ? n : 0;
                seen[slug] = count + 1;
                anchors.Add(count == 0 ? slug : slug + "-" + count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            foreach (Match explicitAnchor in ExplicitAnchor().Matches(line))
            {
                anchors.Add(explicitAnchor.Groups[1].Value);
            }
        }

        return anchors;
    }

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex AtxHeading();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex LinkMarkup();

    [GeneratedRegex(@"<a\s+(?:name|id)=""([^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitAnchor();
}
