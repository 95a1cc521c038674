namespace Klinky.Stats.Calibration;

/// <summary>
/// The verdict as it shipped before the sticky verdict and the sample-ratio check, kept here only as the baseline the new one is printed beside: each arm's
/// own variance, no verdict while any variant is short of data, the uplift interval as the difference interval over the
/// observed control rate, no sample-ratio check, no memory, and planning for an equal split.
/// </summary>
internal static class TodayRule
{
    public static int? Decide(IReadOnlyList<VariantCounts> counts, int threshold)
    {
        var comparisons = counts.Count - 1;
        if (counts.Any(v => v.Clicks < threshold || v.Conversions < 5 || v.Clicks - v.Conversions < 5))
        {
            return null;
        }

        int? winner = null;
        var bestLow = double.NegativeInfinity;
        var worse = 0;
        for (var i = 1; i < counts.Count; i++)
        {
            var (low, high) = Difference(counts[i], counts[0], comparisons);
            if (low > 0 && low > bestLow)
            {
                winner = i;
                bestLow = low;
            }
            else if (high < 0)
            {
                worse++;
            }
        }

        return winner ?? (worse == comparisons ? 0 : null);
    }

    public static (double Low, double High) Difference(VariantCounts variant, VariantCounts control, int comparisons)
    {
        var pv = variant.Conversions / (double)variant.Clicks;
        var pc = control.Conversions / (double)control.Clicks;
        var half = Math.Sqrt((pv * (1 - pv) / variant.Clicks) + (pc * (1 - pc) / control.Clicks))
            * AlwaysValidTest.Multiplier(variant.Clicks + control.Clicks, AlwaysValidTest.Alpha / comparisons);
        return (pv - pc - half, pv - pc + half);
    }

    /// <summary>Today's uplift interval: the difference interval over the observed control rate (its uncertainty ignored).</summary>
    public static (double Low, double High)? Uplift(VariantCounts variant, VariantCounts control)
    {
        if (variant.Clicks == 0 || control.Conversions == 0)
        {
            return null;
        }

        var pc = control.Conversions / (double)control.Clicks;
        var (low, high) = Difference(variant, control, 1);
        return (Math.Max(-1, low / pc), high / pc);
    }
}
