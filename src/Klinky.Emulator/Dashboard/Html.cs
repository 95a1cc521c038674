using System.Globalization;
using System.Net;

namespace Klinky.Emulator.Dashboard;

/// <summary>
/// The one way a value reaches a page: <see cref="E"/> encodes it for text and for quoted attributes alike (&lt; &gt; &amp; " ').
/// Every name, label, slug and URL a link carries is the user's input, and goes through here.
/// </summary>
internal static class Html
{
    public static string E(string? value) => WebUtility.HtmlEncode(value ?? "");

    public static string E(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double rate) => (rate * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A whole page: the shared head, the navigation and <paramref name="body"/> (already encoded).</summary>
    public static string Page(string title, string body) => $"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{E(title)} · Klinky emulator</title>
        <link rel="stylesheet" href="{DashboardGate.Prefix}/assets/dashboard.css">
        <script src="{DashboardGate.Prefix}/assets/dashboard.js" defer></script>
        </head>
        <body>
        <header class="top"><a class="brand" href="{DashboardGate.Prefix}/">Klinky emulator</a>
        <nav aria-label="Dashboard"><a href="{DashboardGate.Prefix}/">Links</a> <a href="{DashboardGate.Prefix}/budget">Budget and requests</a></nav></header>
        <main id="main">
        <h1>{E(title)}</h1>
        {body}
        </main>
        </body>
        </html>
        """;

    public static string CsrfField(string token) => $"""<input type="hidden" name="csrf" value="{E(token)}">""";
}
