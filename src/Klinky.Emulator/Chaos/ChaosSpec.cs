using System.Globalization;
using Klinky.Emulator.CommandLine;

namespace Klinky.Emulator.Chaos;

/// <summary>
/// Faults to inject into <c>/api</c> answers so clients can test their retries:
/// <c>latency=200ms,error-rate=0.1,rate-limit-burst=0.05,drop-rate=0.02,seed=7</c>.
/// </summary>
internal sealed record ChaosSpec(TimeSpan Latency, double ErrorRate, double RateLimitBurst, double DropRate, int? Seed)
{
    public static ChaosSpec Parse(string spec)
    {
        var latency = TimeSpan.Zero;
        double errorRate = 0, burst = 0, drop = 0;
        int? seed = null;
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2)
            {
                throw new UsageException($"--chaos: '{part}' is not name=value");
            }

            switch (pair[0])
            {
                case "latency": latency = ParseDuration(pair[1]); break;
                case "error-rate": errorRate = ParseShare(pair[0], pair[1]); break;
                case "rate-limit-burst": burst = ParseShare(pair[0], pair[1]); break;
                case "drop-rate": drop = ParseShare(pair[0], pair[1]); break;
                case "seed":
                    seed = int.TryParse(pair[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
                        ? s
                        : throw new UsageException($"--chaos: seed must be an integer, not '{pair[1]}'");
                    break;
                default: throw new UsageException($"--chaos: unknown fault '{pair[0]}' (latency, error-rate, rate-limit-burst, drop-rate, seed)");
            }
        }

        if (errorRate + burst + drop > 1)
        {
            throw new UsageException("--chaos: error-rate + rate-limit-burst + drop-rate must not exceed 1");
        }

        return new ChaosSpec(latency, errorRate, burst, drop, seed);
    }

    private static double ParseShare(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw new UsageException($"--chaos: {name} must be a share 0-1, not '{text}'");

    private static TimeSpan ParseDuration(string text)
    {
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : (text, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 60_000
            ? TimeSpan.FromMilliseconds(value * unit)
            : throw new UsageException($"--chaos: latency must look like 200ms or 1s, not '{text}'");
    }
}
