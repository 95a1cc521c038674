using System.Globalization;

namespace Klinky.Emulator.CommandLine;

/// <summary>
/// The test-only <c>--rate-limit LIMIT/WINDOW</c> (e.g. <c>100/60s</c>): a plan's budget over a compressed window, so a
/// simulation can live through several "hours" in minutes. The headers stay exact, so clients behave as against an hour.
/// </summary>
internal sealed record RateLimitSpec(int Limit, TimeSpan Window)
{
    public const string OptionName = "--rate-limit";
    private static readonly TimeSpan MaxWindow = TimeSpan.FromHours(24);

    public static RateLimitSpec Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2)
        {
            throw new UsageException($"{OptionName} must look like 100/60s (requests per window), not '{text}'");
        }

        var limit = NumberInput.Parse(OptionName + " limit", parts[0].Trim(), 1, ServePlan.Unlimited);
        return new RateLimitSpec(limit, ParseWindow(parts[1].Trim(), text));
    }

    public override string ToString() => $"{Limit} requests per {Window.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s";

    private static TimeSpan ParseWindow(string window, string text)
    {
        var unit = window.Length > 0 ? window[^1] : ' ';
        var seconds = unit switch { 's' => 1, 'm' => 60, 'h' => 3600, _ => 0 };
        if (seconds > 0
            && int.TryParse(window[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count > 0
            && TimeSpan.FromSeconds((double)count * seconds) is var span && span <= MaxWindow)
        {
            return span;
        }

        throw new UsageException($"{OptionName} window must be a whole number of seconds, minutes or hours up to 24h (60s, 5m, 1h), not '{text}'");
    }
}
