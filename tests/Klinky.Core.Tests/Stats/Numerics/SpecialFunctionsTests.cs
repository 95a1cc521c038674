using Klinky.Stats.Numerics;

namespace Klinky.Tests.Stats.Numerics;

public class SpecialFunctionsTests
{
    // Expected: python3 -c "import math; print(repr(math.lgamma(x)))" for each x (CPython's own lgamma).
    [Theory]
    [InlineData(0.5, 0.5723649429247004)]
    [InlineData(1.0, 0.0)]
    [InlineData(2.5, 0.2846828704729196)]
    [InlineData(10.0, 12.801827480081467)]
    [InlineData(1000.5, 5908.674175848678)]
    [InlineData(1000000.0, 12815504.569147611)]
    [InlineData(1000001.0, 12815518.384658169)]
    public void LogGamma_MatchesPythonLgamma(double x, double expected)
    {
        Assert.Equal(expected, SpecialFunctions.LogGamma(x), Math.Max(1e-13, Math.Abs(expected) * 1e-14));
    }

    [Fact]
    public void LogGamma_BelowOneHalf_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SpecialFunctions.LogGamma(0.25));
    }

    // Expected: python3 -c "import math; print(repr(math.erfc(x)))"; 1.99 and 2.0 sit on both sides of the method switch.
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(1.99, 0.004888586800383003)]
    [InlineData(2.0, 0.004677734981047265)]
    [InlineData(3.0, 2.2090496998585438e-05)]
    [InlineData(10.0, 2.088487583762545e-45)]
    [InlineData(26.0, 5.663192408856143e-296)]
    [InlineData(-1.5, 1.9661051464753108)]
    public void Erfc_MatchesPythonErfcToRelativePrecision(double x, double expected)
    {
        var actual = SpecialFunctions.Erfc(x);

        Assert.True(Math.Abs(actual - expected) <= Math.Abs(expected) * 1e-13, $"erfc({x}) = {actual:R}, expected {expected:R}");
    }
}
