using System.Text;

namespace Klinky.Reporting;

/// <summary>
/// Fits a report that is too long even without charts: whole link sections while they fit, then as many whole lines
/// of the next as fit, then the notice. The header (and so the marker) always stays, as the Action finds its comment by it.
/// </summary>
internal static class ReportTruncation
{
    public static string Fit(string header, IReadOnlyList<string> sections, string notes, string footer, Func<int, string> notice, int maxLength)
    {
        // Notes go before links are cut short, as long as they fit; the worst-case notice is reserved up front.
        var reserved = header.Length + notice(sections.Count).Length + footer.Length;
        if (reserved + notes.Length > maxLength)
        {
            notes = "";
        }

        var budget = maxLength - reserved - notes.Length;
        var body = new StringBuilder();
        var shown = 0;
        foreach (var section in sections)
        {
            if (body.Length + section.Length > budget)
            {
                // Half a table would read as the whole truth; a partial section only beats showing no link at all.
                if (shown == 0)
                {
                    AppendWholeLines(body, section, budget);
                }

                break;
            }

            body.Append(section);
            shown++;
        }

        var result = header + body + notice(shown) + notes + footer;
        return result.Length <= maxLength ? result : Minimal(header, notice(shown), maxLength);
    }

    private static void AppendWholeLines(StringBuilder body, string section, int budget)
    {
        var start = 0;
        while (start < section.Length)
        {
            var end = section.IndexOf('\n', start);
            var next = end < 0 ? section.Length : end + 1;
            if (body.Length + (next - start) + 1 > budget)
            {
                break;
            }

            body.Append(section, start, next - start);
            start = next;
        }

        if (start > 0)
        {
            // A blank line ends a table the cut may have left open, so the notice is not read as one of its rows.
            body.Append('\n');
        }
    }

    /// <summary>Last resort (a title longer than the limit allows): the header's first line, which holds the marker, and the notice.</summary>
    private static string Minimal(string header, string notice, int maxLength)
    {
        var firstLine = header.Substring(0, header.IndexOf('\n') + 1);
        var result = firstLine + notice;
        return result.Length <= maxLength ? result : result.Substring(0, maxLength);
    }
}
