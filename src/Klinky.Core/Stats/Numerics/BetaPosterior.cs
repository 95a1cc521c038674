namespace Klinky.Stats.Numerics;

/// <summary>
/// The Beta(1 + conversions, 1 + clicks - conversions) posterior of one variant's conversion rate (uniform prior),
/// with the window where practically all of its mass lies.
/// </summary>
internal readonly struct BetaPosterior
{
    // Twelve standard deviations leave out less than 1e-6 of the mass even for the most skewed posterior, Beta(1, n).
    private const double WindowStandardDeviations = 12.0;

    private readonly double _logNormalizer;

    public BetaPosterior(long clicks, long conversions)
    {
        Alpha = 1.0 + conversions;
        Beta = 1.0 + clicks - conversions;
        var sum = Alpha + Beta;
        var mean = Alpha / sum;
        var standardDeviation = Math.Sqrt(Alpha * Beta / (sum * sum * (sum + 1.0)));
        WindowLow = Math.Max(0.0, mean - (WindowStandardDeviations * standardDeviation));
        WindowHigh = Math.Min(1.0, mean + (WindowStandardDeviations * standardDeviation));
        _logNormalizer = SpecialFunctions.LogBeta(Alpha, Beta);
    }

    public double Alpha { get; }

    public double Beta { get; }

    public double WindowLow { get; }

    public double WindowHigh { get; }

    /// <summary>
    /// The density at x, given ln x and ln(1 - x) (shared by every posterior on a grid). Computed in log space so that a
    /// million clicks neither overflows nor underflows.
    /// </summary>
    public double Density(double logX, double logOneMinusX)
    {
        var logDensity = -_logNormalizer;

        // Alpha or Beta of exactly 1 means the factor is 1 everywhere, also at the boundary where the log is -infinity.
        if (Alpha != 1.0)
        {
            logDensity += (Alpha - 1.0) * logX;
        }

        if (Beta != 1.0)
        {
            logDensity += (Beta - 1.0) * logOneMinusX;
        }

        return Math.Exp(logDensity);
    }
}
