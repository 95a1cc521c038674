using System.Text;

namespace Klinky.Reporting;

/// <summary>
/// Escaping for each place user text lands in a report. Link names, labels and notes come from other people
/// (a pull request can name a variant), so none may break a table, inject HTML, mention users, render math, make
/// cross-references or links, reorder text with bidirectional controls, or forge the comment marker: every context
/// below guarantees the output holds no '&lt;', hence never <c>&lt;!--</c>.
/// </summary>
internal static class MarkdownText
{
    private const char ZeroWidthSpace = '\u200B';

    /// <summary>For headings, bold text, table cells and list items.</summary>
    public static string Inline(string? text)
    {
        var source = text ?? "";
        var builder = new StringBuilder();
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (IsBidiControl(c))
            {
                // Text that reads differently than it is stored: shown as a replacement mark, never applied.
                builder.Append('\uFFFD');
                continue;
            }

            switch (c)
            {
                // GitHub renders $...$ as math (\color, \href and all); an escaped dollar is a plain one.
                case '$': builder.Append("\\$"); break;

                // #123 and owner/repo#123 become cross-references that post a backlink into that issue when the comment is saved.
                case '#': builder.Append('#').Append(ZeroWidthSpace); break;

                // GH-123 is a cross-reference too.
                case '-' when i >= 2 && IsDigitAt(source, i + 1) && string.Equals(source.Substring(i - 2, 2), "GH", StringComparison.OrdinalIgnoreCase):
                    builder.Append('-').Append(ZeroWidthSpace);
                    break;

                // Bare URLs (scheme:// and www.) are autolinked: the text a pull request chose would become a link.
                case ':' when i + 2 < source.Length && source[i + 1] == '/' && source[i + 2] == '/':
                    builder.Append(':').Append(ZeroWidthSpace);
                    break;
                case '.' when i >= 3 && string.Equals(source.Substring(i - 3, 3), "www", StringComparison.OrdinalIgnoreCase):
                    builder.Append(ZeroWidthSpace).Append('.');
                    break;
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '`': builder.Append("&#96;"); break;
                case '|': builder.Append("\\|"); break;

                // A zero-width space after '@' keeps "@team" from notifying anyone; GitHub decodes entities before it looks for mentions.
                case '@': builder.Append("@\u200B"); break;
                case '\\' or '*' or '_' or '[' or ']' or '~':
                    builder.Append('\\').Append(c);
                    break;
                default:
                    builder.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>For text inside a fenced code block, where entities would show literally: look-alikes replace what could end the block or forge a marker.</summary>
    public static string InCode(string? text)
    {
        var builder = new StringBuilder();
        foreach (var c in text ?? "")
        {
            builder.Append(c switch
            {
                _ when IsBidiControl(c) => '\uFFFD',
                '<' => '‹',
                '>' => '›',
                '`' => 'ˋ',
                _ when char.IsControl(c) => ' ',
                _ => c,
            });
        }

        return builder.ToString();
    }

    /// <summary>For a quoted Mermaid string: Mermaid has no reliable escape, so only letters, digits and a few safe marks pass.</summary>
    public static string InMermaidString(string? text)
    {
        var builder = new StringBuilder();
        foreach (var c in text ?? "")
        {
            builder.Append(char.IsLetterOrDigit(c) || c is ' ' or '_' or '-' or '.' or '+' or '/' or ':' or '(' or ')' or '%' ? c : '_');
        }

        return builder.ToString();
    }

    /// <summary>An absolute http(s) URL made safe for a Markdown link target, or null when it is not one.</summary>
    public static string? SafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)
            || !Uri.TryCreate(url!.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        // AbsoluteUri percent-encodes spaces, quotes and angle brackets; parentheses would end the link target early.
        return uri.AbsoluteUri.Replace("(", "%28").Replace(")", "%29");
    }

    /// <summary>Unicode's explicit directional marks, embeddings, overrides and isolates (the "Trojan Source" characters).</summary>
    private static bool IsBidiControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static bool IsDigitAt(string text, int index) => index < text.Length && text[index] is >= '0' and <= '9';

    /// <summary>Visible text for a URL: no scheme, no trailing slash.</summary>
    public static string UrlText(string safeUrl)
    {
        var withoutScheme = safeUrl.Substring(safeUrl.IndexOf("//", StringComparison.Ordinal) + 2);
        return Inline(withoutScheme.TrimEnd('/'));
    }

    /// <summary>
    /// Inline Markdown as plain text, for surfaces that print the report's own sentences (a console): bold markers
    /// dropped, the escapes and entities of <see cref="Inline"/> undone, the zero-width spaces it inserts removed.
    /// </summary>
    public static string ToPlain(string markdown)
    {
        var builder = new StringBuilder(markdown.Length);
        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (c == '\\' && i + 1 < markdown.Length)
            {
                builder.Append(markdown[++i]);
            }
            else if (c == '*' && i + 1 < markdown.Length && markdown[i + 1] == '*')
            {
                i++;
            }
            else if (c != ZeroWidthSpace)
            {
                builder.Append(c);
            }
        }

        return builder.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&#96;", "`").Replace("&amp;", "&").ToString();
    }
}
