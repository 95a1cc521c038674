using System.Globalization;
using Klinky.RateLimits;

namespace Klinky.Http;

/// <summary>Reads <c>X-RateLimit-*</c> and <c>Retry-After</c>. Trusts the headers, not a local guess of the window.</summary>
internal static class RateLimitHeaders
{
    // A Retry-After beyond this is treated as garbage (the documented maximum is 1800 s).
    private static readonly TimeSpan MaxSaneRetryAfter = TimeSpan.FromHours(2);
    private const long MaxUnixSeconds = 253_402_300_799;

    public static RateLimitState? Read(Func<string, string?> header)
    {
        if (!int.TryParse(header("X-RateLimit-Limit"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit)
            || !int.TryParse(header("X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
            || !long.TryParse(header("X-RateLimit-Reset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset))
        {
            return null;
        }

        // Unix seconds within DateTimeOffset's range; a value in milliseconds (or garbage) is ignored, not thrown.
        if (reset is < 0 or > MaxUnixSeconds)
        {
            return null;
        }

        return new RateLimitState(limit, Math.Max(0, remaining), DateTimeOffset.FromUnixTimeSeconds(reset));
    }

    /// <summary>Retry-After in seconds or as an HTTP date; null when absent or not believable.</summary>
    public static TimeSpan? ReadRetryAfter(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        TimeSpan wait;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            // Infinity, NaN or 1e20 would overflow TimeSpan: not believable, like anything past two hours.
            if (double.IsNaN(seconds) || seconds > MaxSaneRetryAfter.TotalSeconds)
            {
                return null;
            }

            wait = TimeSpan.FromSeconds(Math.Max(0, seconds));
        }
        else if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            wait = date - now;
        }
        else
        {
            return null;
        }

        if (wait < TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        return wait > MaxSaneRetryAfter ? null : wait;
    }
}
