using System.Globalization;

namespace Klinky.RateLimits;

/// <summary>
/// The one wording of when the hourly request budget comes back, for every product's messages ("2026-03-01 11:00:00 UTC
/// (in about 40 min)"): the date too, since a reset can fall after midnight, and at least one minute, since "in 0 min" reads
/// as "now" to someone about to re-run a job. Klinky.Build and Klinky.PowerShell compile this file in (shared source).
/// </summary>
internal static class ResetTime
{
    /// <summary>"2026-03-01 11:00:00 UTC".</summary>
    public static string At(DateTimeOffset resetsAt) =>
        resetsAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>"2026-03-01 11:00:00 UTC (in about 40 min)".</summary>
    public static string Describe(DateTimeOffset resetsAt, DateTimeOffset now)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling((resetsAt - now).TotalMinutes));
        return $"{At(resetsAt)} (in about {minutes.ToString(CultureInfo.InvariantCulture)} min)";
    }
}
