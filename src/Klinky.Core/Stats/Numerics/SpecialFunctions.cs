namespace Klinky.Stats.Numerics;

/// <summary>
/// The few special functions the statistics need. netstandard2.0 has neither erf nor log-gamma, and the client must
/// not take a numerics dependency, so they live here.
/// </summary>
internal static class SpecialFunctions
{
    private const double HalfLogTwoPi = 0.91893853320467274178;
    private const double InverseSqrtPi = 0.56418958354775628695;
    private const double LanczosG = 7.0;

    // Lanczos (g = 7, n = 9): relative error about 1e-15 for x >= 0.5, which covers every Beta parameter (>= 1).
    private static readonly double[] LanczosCoefficients =
    {
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7,
    };

    /// <summary>ln Γ(x) for x &gt;= 0.5.</summary>
    public static double LogGamma(double x)
    {
        if (!(x >= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "LogGamma is only needed, and only accurate, for x >= 0.5.");
        }

        var shifted = x - 1.0;
        var sum = LanczosCoefficients[0];
        for (var i = 1; i < LanczosCoefficients.Length; i++)
        {
            sum += LanczosCoefficients[i] / (shifted + i);
        }

        var t = shifted + LanczosG + 0.5;
        return HalfLogTwoPi + ((shifted + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a + b).</summary>
    public static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>The complementary error function, accurate to about 1e-15 relative, also deep in the tail (small p-values).</summary>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        if (x < 0)
        {
            return 2.0 - Erfc(-x);
        }

        // Below 2 the all-positive series for erf has no cancellation; above it the continued fraction converges fast.
        return x < 2.0 ? 1.0 - ErfSeries(x) : ErfcContinuedFraction(x);
    }

    // erf(x) = 2/sqrt(pi) * exp(-x^2) * sum_n (2x^2)^n * x / (1*3*...*(2n+1)).
    private static double ErfSeries(double x)
    {
        var twoXSquared = 2.0 * x * x;
        var term = x;
        var sum = x;
        for (var n = 1; n < 200 && term > sum * 1e-17; n++)
        {
            term *= twoXSquared / ((2 * n) + 1);
            sum += term;
        }

        return 2.0 * InverseSqrtPi * Math.Exp(-x * x) * sum;
    }

    // erfc(x) = exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + (2/2)/(x + (3/2)/(x + ...)))), evaluated with the modified Lentz method.
    private static double ErfcContinuedFraction(double x)
    {
        const double Tiny = 1e-300;
        var f = x;
        var c = x;
        var d = 0.0;
        for (var n = 1; n < 500; n++)
        {
            var a = n * 0.5;
            d = x + (a * d);
            d = d == 0 ? Tiny : 1.0 / d;
            c = x + (a / c);
            if (c == 0)
            {
                c = Tiny;
            }

            var delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1.0) < 1e-16)
            {
                break;
            }
        }

        return InverseSqrtPi * Math.Exp(-x * x) / f;
    }
}
