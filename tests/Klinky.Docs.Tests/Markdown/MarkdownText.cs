using System.Text.RegularExpressions;

namespace Klinky.Docs.Tests.Markdown;

/// <summary>Reads Markdown the way a renderer does where links are concerned: code (fenced or inline) is not text.</summary>
internal static partial class MarkdownText
{
    public static IEnumerable<string> LinesOutsideFences(string markdown)
    {
        string? fence = null;
        foreach (var line in markdown.Split('\n'))
        {
            var marker = FenceMarker().Match(line);
            if (marker.Success)
            {
                if (fence is null)
                {
                    fence = marker.Groups[1].Value;
                    continue;
                }

                if (line.Trim().StartsWith(fence, StringComparison.Ordinal) && line.Trim().Trim(fence[0]).Length == 0)
                {
                    fence = null;
                    continue;
                }
            }

            if (fence is null)
            {
                yield return line;
            }
        }
    }

    /// <summary>The link targets of <paramref name="markdown"/>: inline links and images, and reference definitions.</summary>
    public static IEnumerable<string> LinkTargets(string markdown)
    {
        foreach (var line in LinesOutsideFences(markdown))
        {
            var text = InlineCode().Replace(line, string.Empty);
            foreach (Match link in InlineLink().Matches(text))
            {
                yield return link.Groups[1].Value;
            }

            var definition = ReferenceDefinition().Match(text);
            if (definition.Success)
            {
                yield return definition.Groups[1].Value;
            }

            foreach (Match href in HtmlHref().Matches(text))
            {
                yield return href.Groups[1].Value;
            }
        }
    }

    [GeneratedRegex(@"^ {0,3}(`{3,}|~{3,})")]
    private static partial Regex FenceMarker();

    [GeneratedRegex(@"(`+)[^`]*?\1")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"\]\(\s*<?([^)\s>]+)>?(?:\s+""[^""]*"")?\s*\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"<(?:a|img)\s[^>]*(?:href|src)=""([^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlHref();
}
