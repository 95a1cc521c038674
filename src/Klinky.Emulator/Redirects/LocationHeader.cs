namespace Klinky.Emulator.Redirects;

/// <summary>
/// The <c>Location</c> value for a stored destination. <c>LinkValidator</c> refuses URLs that are not visible ASCII, but a
/// database written before that rule can still hold one, and Kestrel throws on such a header value (an empty 500 on every
/// visit). Those are sent in their ASCII form instead: punycode host, percent-encoded path, control characters escaped.
/// </summary>
internal static class LocationHeader
{
    public static string For(string destination)
    {
        foreach (var c in destination)
        {
            if (c is < '\u0021' or > '\u007E')
            {
                return AsciiForm(destination);
            }
        }

        return destination;
    }

    private static string AsciiForm(string destination)
    {
        var escaped = string.Concat(destination.Select(c => c is < '\u0021' or (>= '\u007F' and <= '\u009F') or '\u2028' or '\u2029' ? Uri.EscapeDataString(c.ToString()) : c.ToString()));
        return Uri.TryCreate(escaped, UriKind.Absolute, out var uri) ? new UriBuilder(uri) { Host = uri.IdnHost }.Uri.AbsoluteUri : Uri.EscapeDataString(escaped);
    }
}
