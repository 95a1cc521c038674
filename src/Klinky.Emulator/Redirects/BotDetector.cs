namespace Klinky.Emulator.Redirects;

/// <summary>Known crawlers and link unfurlers by user agent: redirected like anyone, but not counted.</summary>
internal static class BotDetector
{
    private static readonly string[] Markers =
    {
        "bot", "crawler", "spider", "slurp", "facebookexternalhit", "embedly", "quora link preview", "whatsapp",
        "headlesschrome", "lighthouse", "pingdom", "uptimerobot", "preview",
    };

    public static bool IsBot(string? userAgent)
    {
        if (string.IsNullOrEmpty(userAgent))
        {
            return false;
        }

        foreach (var marker in Markers)
        {
            if (userAgent.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static string DeviceOf(string? userAgent) =>
        string.IsNullOrEmpty(userAgent) ? "unknown"
        : userAgent.Contains("iPad", StringComparison.Ordinal) || userAgent.Contains("Tablet", StringComparison.OrdinalIgnoreCase) ? "tablet"
        : userAgent.Contains("Mobi", StringComparison.Ordinal) || userAgent.Contains("Android", StringComparison.Ordinal) || userAgent.Contains("iPhone", StringComparison.Ordinal) ? "mobile"
        : "desktop";
}
