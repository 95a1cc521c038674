using System.Globalization;

namespace Klinky.RateLimits;

/// <summary>
/// The one wording of when a request budget comes back, for every product's messages ("2026-03-01 11:00:00 UTC
/// (in about 40 min)"): the date too, since a reset can fall after midnight, and at least one minute, since "in 0 min" reads
/// as "now" to someone about to re-run a job. The one-line budget summary a job prints beside its other output uses the
/// short <see cref="Clock"/> form ("15:00 UTC"): it is about the current hour. GitHub's own reset is worded the same way.
/// The products compile this file in (shared source).
/// </summary>
internal static class ResetTime
{
    /// <summary>"2026-03-01 11:00:00 UTC".</summary>
    public static string At(DateTimeOffset resetsAt) =>
        resetsAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>"15:00 UTC" (seconds only when the reset is not on the minute): the short form of a budget summary line.</summary>
    public static string Clock(DateTimeOffset resetsAt) =>
        resetsAt.UtcDateTime.ToString(resetsAt.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>"2026-03-01 11:00:00 UTC (in about 40 min)".</summary>
    public static string Describe(DateTimeOffset resetsAt, DateTimeOffset now)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling((resetsAt - now).TotalMinutes));
        return $"{At(resetsAt)} (in about {minutes.ToString(CultureInfo.InvariantCulture)} min)";
    }
}
