using System;

namespace Klinky.Validation;

/// <summary>
/// The characters a stored URL may hold. A URL travels in a <c>Location</c> header, where only visible ASCII is valid: a
/// control character or line separator would split or break the header (every redirect would fail), a bidi control makes
/// the address read differently than it is, and an IDN host or non-ASCII path must be written the way it goes on the
/// wire (punycode, percent-encoding), so the address a user stores is the one visitors are sent to.
/// </summary>
internal static class UrlCharacterRules
{
    /// <summary>The rule <paramref name="url"/> breaks, as a message for its field, or null when every character is allowed.</summary>
    public static string? Problem(string url)
    {
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            if (IsForbiddenControl(c))
            {
                return $"contains the control character U+{(int)c:X4} at position {i + 1}; control characters, line separators and bidirectional controls are not allowed";
            }
        }

        for (var i = 0; i < url.Length; i++)
        {
            if (url[i] > '\u007E')
            {
                var ascii = AsciiForm(url);
                var hint = ascii is null ? "" : $" (e.g. '{ascii}')";
                return $"contains the non-ASCII character U+{(int)url[i]:X4} at position {i + 1}; write the host in punycode (xn--...) and percent-encode the path{hint}";
            }
        }

        return null;
    }

    // C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional marks, embeddings,
    // overrides and isolates (the characters of "Trojan Source", CVE-2021-42574).
    private static bool IsForbiddenControl(char c) =>
        c < '\u0020' || (c >= '\u007F' && c <= '\u009F') || c == '\u2028' || c == '\u2029'
        || c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    private static string? AsciiForm(string url)
    {
        try
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                return null;
            }

            var ascii = new UriBuilder(uri) { Host = uri.IdnHost }.Uri.AbsoluteUri;
            foreach (var c in ascii)
            {
                if (c > '\u007E')
                {
                    return null;
                }
            }

            return ascii;
        }
        catch (UriFormatException)
        {
            return null;
        }
    }
}
