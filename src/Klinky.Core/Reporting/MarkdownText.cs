using System.Text;

namespace Klinky.Reporting;

/// <summary>
/// Escaping for each place user text lands in a report. Link names, labels and notes come from other people
/// (a pull request can name a variant), so none may break a table, inject HTML, mention users, or forge the
/// comment marker: every context below guarantees the output holds no '&lt;', hence never <c>&lt;!--</c>.
/// </summary>
internal static class MarkdownText
{
    /// <summary>For headings, bold text, table cells and list items.</summary>
    public static string Inline(string? text)
    {
        var builder = new StringBuilder();
        foreach (var c in text ?? "")
        {
            switch (c)
            {
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

    /// <summary>Visible text for a URL: no scheme, no trailing slash.</summary>
    public static string UrlText(string safeUrl)
    {
        var withoutScheme = safeUrl.Substring(safeUrl.IndexOf("//", StringComparison.Ordinal) + 2);
        return Inline(withoutScheme.TrimEnd('/'));
    }
}
