using System.Globalization;

namespace Klinky.Reporting;

/// <summary>Invariant-culture formats, so a report reads the same on every machine and in every golden file.</summary>
internal static class ReportNumbers
{
    public const string Missing = "—";
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Count(long value) => value.ToString("N0", Invariant);

    /// <summary><c>6.23%</c></summary>
    public static string Rate(double rate) => (rate * 100).ToString("0.00", Invariant) + "%";

    /// <summary><c>+26.0%</c>, <c>-4.1%</c></summary>
    public static string Uplift(double? uplift) =>
        uplift is { } value ? Math.Round(value * 100, 1).ToString("+0.0;-0.0;0.0", Invariant) + "%" : Missing;

    /// <summary>
    /// <c>+4.1% to +48.0%</c>: an always-valid interval for the uplift. An upper end beyond +999% (a ratio interval from a
    /// handful of conversions) reads "over +999%": those digits say nothing.
    /// </summary>
    public static string UpliftInterval(IReadOnlyList<double>? interval) =>
        interval is { Count: 2 } ? $"{Uplift(interval[0])} to {(interval[1] > 9.99 ? "over +999%" : Uplift(interval[1]))}" : Missing;

    /// <summary><c>87%</c>; never a flat 0% or 100%, which a posterior cannot promise.</summary>
    public static string Probability(double? probability) => probability switch
    {
        null => Missing,
        >= 0.995 => "&gt;99%",
        < 0.005 => "&lt;1%",
        _ => Math.Round(probability.Value * 100).ToString("0", Invariant) + "%",
    };

    /// <summary><c>50%</c></summary>
    public static string Weight(int weight) => weight.ToString(Invariant) + "%";

    public static string Date(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd", Invariant);
}
