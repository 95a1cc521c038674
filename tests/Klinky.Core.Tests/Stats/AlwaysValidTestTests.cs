using Klinky.Stats;

namespace Klinky.Tests.Stats;

// Expected values: always_valid_reference.py in this folder (standard library only, nothing shared with the C# code).
public class AlwaysValidTestTests
{
    [Theory]
    [InlineData(200, 0.05, 6.69438861706604)]
    [InlineData(10_000, 0.05, 3.0352089903762534)]
    [InlineData(20_000, 0.05, 3.061477218867417)]
    [InlineData(20_000, 0.0125, 3.527353259150242)]
    public void Multiplier_MatchesReference(double visitors, double alpha, double expected)
    {
        Assert.Equal(expected, AlwaysValidTest.Multiplier(visitors, alpha), 1e-12);
    }

    [Theory]
    [InlineData(49, 624, 38, 610, 1, -0.03730252784167692, 0.06976364595853274)]
    [InlineData(88, 1000, 50, 1000, 1, -0.0001290404400105874, 0.07612904044001056)]
    [InlineData(89, 1000, 50, 1000, 1, 0.0007433373720322003, 0.07725666262796779)]
    [InlineData(100, 2000, 160, 2000, 1, -0.05435245769056133, -0.005647542309438668)]
    [InlineData(300, 5000, 250, 5000, 4, -0.005972624461327635, 0.025972624461327625)]
    public void DifferenceInterval_MatchesReference(long convV, long clicksV, long convC, long clicksC, int comparisons, double low, double high)
    {
        var interval = AlwaysValidTest.DifferenceInterval(new VariantCounts("b", 50, clicksV, convV), new VariantCounts("control", 50, clicksC, convC), comparisons)!.Value;

        Assert.Equal(low, interval.Low, 1e-12);
        Assert.Equal(high, interval.High, 1e-12);
    }

    // GrowthBook's gbstats test_sequential_test_runs_prop (packages/stats/tests/frequentist/test_tests.py): proportions
    // 1396/3000 and 2422/3461, relative uplift by the delta method on the ratio, sequential tuning 5,000, alpha 0.05:
    // ci [0.40098, 0.60675]. Their implementation, not ours, computed these numbers; only the boundary is ours.
    [Fact]
    public void Multiplier_ReproducesGrowthBooksPublishedSequentialInterval()
    {
        double pa = 1396 / 3000.0, pb = 2422 / 3461.0;
        var variance = (pb * (1 - pb) / 3461 / (pa * pa)) + (pa * (1 - pa) / 3000 * pb * pb / Math.Pow(pa, 4));
        var half = Math.Sqrt(variance) * AlwaysValidTest.Multiplier(6461, 0.05, 5000);

        Assert.Equal(0.40098, Math.Round((pb / pa) - 1 - half, 5));
        Assert.Equal(0.60675, Math.Round((pb / pa) - 1 + half, 5));
    }

    [Theory]
    [InlineData(49, 624, 38, 610, 1, -0.4139320996706768, 1.7112372475405615)]
    [InlineData(150, 2000, 100, 2000, 1, 0.01457767120722031, 1.2176715138258278)]
    [InlineData(300, 5000, 250, 5000, 4, -0.10359903439737705, 0.6064239723703686)]
    public void UpliftInterval_MatchesReference(long convV, long clicksV, long convC, long clicksC, int comparisons, double low, double high)
    {
        var interval = AlwaysValidTest.UpliftInterval(new VariantCounts("b", 50, clicksV, convV), new VariantCounts("control", 50, clicksC, convC), comparisons)!.Value;

        Assert.Equal(low, interval.Low, 1e-12);
        Assert.Equal(high, interval.High, 1e-12);
    }

    [Fact]
    public void UpliftInterval_NoConversionsOnASide_IsNull()
    {
        Assert.Null(AlwaysValidTest.UpliftInterval(new VariantCounts("b", 50, 100, 3), new VariantCounts("control", 50, 100, 0), 1));
    }

    [Fact]
    public void DifferenceInterval_SmallArmConvertingLowByChance_UsesThePooledVariance()
    {
        // 10/90: the small arm's own variance (2 of 200) would make the interval far too narrow.
        var small = new VariantCounts("b", 10, 200, 2);
        var large = new VariantCounts("control", 90, 1800, 90);
        var interval = AlwaysValidTest.DifferenceInterval(small, large, 1)!.Value;
        var pooled = 92 / 2000.0;
        var expectedHalf = Math.Sqrt(pooled * (1 - pooled) * ((1 / 200.0) + (1 / 1800.0))) * AlwaysValidTest.Multiplier(2000, 0.05);

        Assert.Equal(expectedHalf, (interval.High - interval.Low) / 2, 1e-12);
        Assert.True(interval.High > 0, "a 1% against 5% split of 200 visitors is not yet proof");
    }

    [Theory]
    [InlineData(0.1, 0.9, 103061)]
    [InlineData(0.2, 0.8, 54793)]
    [InlineData(0.5, 0.5, 32372)]
    public void VisitorsInTotal_ForTheRealWeights_MatchesReference(double controlShare, double variantShare, long expected)
    {
        Assert.Equal(expected, AlwaysValidTest.VisitorsInTotal(0.05, 0.2, 1, controlShare, variantShare));
    }

    [Fact]
    public void DifferenceInterval_WiderThanTheFixedHorizonInterval_AndWiderWithMoreComparisons()
    {
        var variant = new VariantCounts("b", 50, 5000, 300);
        var control = new VariantCounts("control", 50, 5000, 250);
        var one = AlwaysValidTest.DifferenceInterval(variant, control, 1)!.Value;
        var four = AlwaysValidTest.DifferenceInterval(variant, control, 4)!.Value;
        var fixedHorizonHalfWidth = Statistics.Z95 * Math.Sqrt((0.06 * 0.94 / 5000) + (0.05 * 0.95 / 5000));

        Assert.True((one.High - one.Low) / 2 > 1.5 * fixedHorizonHalfWidth);
        Assert.True(four.High - four.Low > one.High - one.Low);
    }

    [Fact]
    public void DifferenceInterval_SideWithoutClicks_IsNull()
    {
        Assert.Null(AlwaysValidTest.DifferenceInterval(new VariantCounts("b", 50, 0, 0), new VariantCounts("control", 50, 10, 1), 1));
    }

    [Theory]
    [InlineData(0.05, 0.2, 1, 16186)]
    [InlineData(0.05, 0.2, 4, 20396)]
    [InlineData(0.01, 0.2, 1, 94623)]
    [InlineData(0.2, 0.3, 1, 1593)]
    public void VisitorsPerVariant_MatchesReference(double baseRate, double effect, int comparisons, long expected)
    {
        Assert.Equal(expected, AlwaysValidTest.VisitorsPerVariant(baseRate, effect, comparisons));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.9)] // +20% would pass 100%
    public void VisitorsPerVariant_NoSampleCanPromiseIt_IsNull(double baseRate)
    {
        Assert.Null(AlwaysValidTest.VisitorsPerVariant(baseRate, 0.2, 1));
    }

    [Theory]
    [InlineData(-0.1, 0.2, 1)]
    [InlineData(0.05, 0.0, 1)]
    [InlineData(0.05, 0.2, 0)]
    public void VisitorsPerVariant_BadArguments_Throw(double baseRate, double effect, int comparisons)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AlwaysValidTest.VisitorsPerVariant(baseRate, effect, comparisons));
    }
}
