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
    [InlineData(49, 624, 38, 610, 1, -0.03721093281082163, 0.06967205092767745)]
    [InlineData(88, 1000, 50, 1000, 1, -2.1753775173168066e-05, 0.07602175377517315)]
    [InlineData(89, 1000, 50, 1000, 1, 0.000855975373857551, 0.07714402462614244)]
    [InlineData(100, 2000, 160, 2000, 1, -0.054307337297872085, -0.005692662702127916)]
    [InlineData(300, 5000, 250, 5000, 4, -0.005968782579260916, 0.025968782579260906)]
    public void DifferenceInterval_MatchesReference(long convV, long clicksV, long convC, long clicksC, int comparisons, double low, double high)
    {
        var interval = AlwaysValidTest.DifferenceInterval(new VariantCounts("b", 50, clicksV, convV), new VariantCounts("control", 50, clicksC, convC), comparisons)!.Value;

        Assert.Equal(low, interval.Low, 1e-12);
        Assert.Equal(high, interval.High, 1e-12);
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
    [InlineData(0.05, 0.2, 1, 16178)]
    [InlineData(0.05, 0.2, 4, 20386)]
    [InlineData(0.01, 0.2, 1, 94613)]
    [InlineData(0.2, 0.3, 1, 1586)]
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
