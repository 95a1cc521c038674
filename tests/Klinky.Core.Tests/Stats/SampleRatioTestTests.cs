using Klinky.Stats;

namespace Klinky.Tests.Stats;

// Expected values: always_valid_reference.py (math.lgamma); the two-arm ones also by quadrature over the share,
// without the gamma function (srm_log_bayes_factor_by_quadrature), which agrees to 1e-11.
public class SampleRatioTestTests
{
    [Theory]
    [InlineData(new long[] { 500, 500 }, new[] { 50, 50 }, -1.2012203220429)]
    [InlineData(new long[] { 4750, 5250 }, new[] { 50, 50 }, 10.072489233702072)]
    [InlineData(new long[] { 1000, 9000 }, new[] { 10, 90 }, -2.315899988388992)]
    [InlineData(new long[] { 210, 190, 205, 180, 215 }, new[] { 20, 20, 20, 20, 20 }, -2.860308831707698)]
    [InlineData(new long[] { 3, 97 }, new[] { 1, 99 }, 0.03438221172905287)]
    public void LogBayesFactor_MatchesReference(long[] clicks, int[] weights, double expected)
    {
        var variants = clicks.Select((c, i) => new VariantCounts("v" + i, weights[i], c, 0)).ToList();
        var shares = weights.Select(w => w / (double)weights.Sum()).ToList();

        Assert.Equal(expected, SampleRatioTest.LogBayesFactor(variants, shares), 1e-9);
    }

    [Fact]
    public void Check_FourtySevenAndAHalfOnFiftyFifty_IsAMismatchWithBothSplits()
    {
        var check = SampleRatioTest.Check(new[] { new VariantCounts("control", 50, 4750, 200), new VariantCounts("b", 50, 5250, 210) });

        Assert.True(check.Mismatch);
        Assert.Equal(Math.Exp(-10.072489233702072), check.PValue, 1e-12);
        Assert.Equal(new[] { 0.5, 0.5 }, check.ExpectedShares);
        Assert.Equal(new[] { 0.475, 0.525 }, check.ObservedShares);
    }

    [Fact]
    public void Check_SplitAsWeighted_IsNoMismatch()
    {
        var check = SampleRatioTest.Check(new[] { new VariantCounts("control", 10, 1000, 50), new VariantCounts("b", 90, 9000, 450) });

        Assert.False(check.Mismatch);
        Assert.Equal(1.0, check.PValue);
    }

    [Fact]
    public void Check_ZeroWeightVariantWithClicks_IsAMismatch_WithoutClicksTakesNoPart()
    {
        Assert.True(SampleRatioTest.Check(new[] { new VariantCounts("control", 100, 500, 5), new VariantCounts("b", 0, 40, 1) }).Mismatch);
        Assert.False(SampleRatioTest.Check(new[] { new VariantCounts("control", 100, 500, 5), new VariantCounts("b", 0, 0, 0) }).Mismatch);
    }
}
