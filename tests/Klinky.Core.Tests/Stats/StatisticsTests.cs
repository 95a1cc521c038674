using Klinky.Stats;

namespace Klinky.Tests.Stats;

/// <summary>
/// Every expected value is computed independently of this code base by
/// <c>python3 tests/Klinky.Core.Tests/Stats/reference_values.py</c> (Python 3.11 math.erfc/math.lgamma, mpmath 1.3.0
/// quadrature with mpmath.betainc, Evan Miller's closed form for two variants). The comment next to each value names the call.
/// </summary>
public class StatisticsTests
{
    // The contract asks for probabilities stable to 0.005; pin them ten times tighter.
    private const double ProbabilityTolerance = 0.0005;

    // Monte Carlo references carry their own sampling error (standard error <= 0.00025): allow eight of them.
    private const double MonteCarloTolerance = 0.002;

    // Expected: 0.5 * math.erfc(-x / math.sqrt(2)).
    [Theory]
    [InlineData(-8.0, 6.220960574271819e-16)]
    [InlineData(-3.0, 0.0013498980316300957)]
    [InlineData(-1.959963984540054, 0.02500000000000002)]
    [InlineData(-0.5, 0.3085375387259869)]
    [InlineData(0.0, 0.5)]
    [InlineData(0.3, 0.6179114221889526)]
    [InlineData(1.0, 0.8413447460685429)]
    [InlineData(2.5, 0.9937903346742238)]
    [InlineData(6.0, 0.9999999990134123)]
    public void NormalCdf_MatchesErfcReference(double z, double expected)
    {
        Assert.True(Math.Abs(Statistics.NormalCdf(z) - expected) <= expected * 1e-13, $"Φ({z}) = {Statistics.NormalCdf(z):R}");
    }

    // Expected: wilson(s, n) in reference_values.py (textbook Wilson score formula, z = 1.959963984540054).
    [Theory]
    [InlineData(38, 610, 0.04571939750453413, 0.08434913676176439)]
    [InlineData(49, 624, 0.05990580186254843, 0.10230307649344292)]
    [InlineData(50_000, 1_000_000, 0.04957456172546828, 0.05042889557418929)]
    public void WilsonInterval_MatchesReference(long successes, long trials, double low, double high)
    {
        var interval = Statistics.WilsonInterval(successes, trials);

        Assert.Equal(low, interval.Low, 1e-14);
        Assert.Equal(high, interval.High, 1e-14);
    }

    [Fact]
    public void WilsonInterval_ZeroSuccesses_StartsAtExactlyZero()
    {
        var interval = Statistics.WilsonInterval(0, 50);

        // Python gives 6.9e-18 for the low bound (rounding); the exact value is 0. High: wilson(0, 50)[1].
        Assert.Equal(0.0, interval.Low);
        Assert.Equal(0.07134759913335872, interval.High, 1e-14);
    }

    [Fact]
    public void WilsonInterval_AllSuccesses_EndsAtExactlyOne()
    {
        // Expected: wilson(50, 50) and wilson(1, 1).
        var allFifty = Statistics.WilsonInterval(50, 50);
        var single = Statistics.WilsonInterval(1, 1);

        Assert.Equal(0.9286524008666414, allFifty.Low, 1e-14);
        Assert.Equal(1.0, allFifty.High);
        Assert.Equal(0.20654931437723745, single.Low, 1e-14);
        Assert.Equal(1.0, single.High);
    }

    [Fact]
    public void WilsonInterval_NoTrials_IsTheWholeUnitInterval()
    {
        Assert.Equal((0.0, 1.0), Statistics.WilsonInterval(0, 0));
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    [InlineData(0, -1)]
    public void WilsonInterval_ImpossibleCounts_Throw(long successes, long trials)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Statistics.WilsonInterval(successes, trials));
    }

    // Expected: p_value(sa, na, sb, nb) in reference_values.py (pooled two-proportion z-test, math.erfc(|z|/sqrt(2))).
    [Theory]
    [InlineData(49, 624, 38, 610, 0.26547535293063074)]
    [InlineData(0, 500, 10, 500, 0.0014818807747203908)]
    [InlineData(160, 2000, 100, 2000, 0.00011898400813757508)]
    [InlineData(50_600, 1_000_000, 50_000, 1_000_000, 0.05224011574880632)]
    public void TwoProportionPValue_MatchesReference(long successesA, long trialsA, long successesB, long trialsB, double expected)
    {
        var forward = Statistics.TwoProportionPValue(successesA, trialsA, successesB, trialsB);
        var backward = Statistics.TwoProportionPValue(successesB, trialsB, successesA, trialsA);

        Assert.NotNull(forward);
        Assert.True(Math.Abs(forward!.Value - expected) <= expected * 1e-9, $"p = {forward:R}");
        Assert.Equal(forward, backward);
    }

    [Theory]
    [InlineData(0, 0, 5, 100)]
    [InlineData(5, 100, 0, 0)]
    [InlineData(0, 0, 0, 0)]
    public void TwoProportionPValue_SideWithoutTrials_IsNull(long successesA, long trialsA, long successesB, long trialsB)
    {
        Assert.Null(Statistics.TwoProportionPValue(successesA, trialsA, successesB, trialsB));
    }

    [Theory]
    [InlineData(0, 300, 0, 500)]
    [InlineData(300, 300, 500, 500)]
    public void TwoProportionPValue_BothRatesZeroOrBothOne_IsOne(long successesA, long trialsA, long successesB, long trialsB)
    {
        Assert.Equal(1.0, Statistics.TwoProportionPValue(successesA, trialsA, successesB, trialsB));
    }

    // Expected: p_beat_closed_form(variant, control) in reference_values.py, which agrees with p_best(...)[1] to 1e-11.
    [Theory]
    [InlineData(624, 49, 610, 38, 0.8658108131779009)] // the contract's example
    [InlineData(0, 0, 0, 0, 0.5)] // zero clicks on both sides: two uniform posteriors
    [InlineData(200, 20, 0, 0, 0.10396039603961274)] // control without clicks
    [InlineData(500, 10, 500, 0, 0.999538067376654)] // zero conversions in the control
    [InlineData(40, 30, 40, 40, 0.0002256345704701325)] // every control click converted
    [InlineData(2000, 160, 2000, 100, 0.9999424450724649)]
    public void ProbabilityToBeatControl_MatchesReference(long clicks, long conversions, long controlClicks, long controlConversions, double expected)
    {
        var probability = Statistics.ProbabilityToBeatControl((clicks, conversions), (controlClicks, controlConversions));

        Assert.Equal(expected, probability, ProbabilityTolerance);
    }

    [Fact]
    public void ProbabilityToBeatControl_SwappingSides_GivesTheComplement()
    {
        var forward = Statistics.ProbabilityToBeatControl((624, 49), (610, 38));
        var backward = Statistics.ProbabilityToBeatControl((610, 38), (624, 49));

        Assert.Equal(1.0, forward + backward, 1e-12);
    }

    [Fact]
    public void ProbabilityToBeatControl_ImpossibleCounts_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Statistics.ProbabilityToBeatControl((10, 11), (10, 1)));
    }

    [Fact]
    public void ProbabilitiesToBeBest_FiveVariants_MatchReference()
    {
        // Expected: p_best([(1000, 50), (1000, 62), (1000, 48), (1000, 71), (1000, 55)]) in reference_values.py.
        double[] expected = { 0.011081980322024263, 0.1919924313916822, 0.005847410200521047, 0.747360136307896, 0.043718041777876464 };

        var probabilities = Statistics.ProbabilitiesToBeBest(new (long, long)[] { (1000, 50), (1000, 62), (1000, 48), (1000, 71), (1000, 55) });

        AssertAllClose(expected, probabilities);
    }

    [Fact]
    public void ProbabilitiesToBeBest_PosteriorsOfVeryDifferentWidths_MatchReference()
    {
        // Expected: p_best_monte_carlo([(10, 1), (1_000_000, 50_000), (300, 20), (5000, 260), (1000, 45)]) in
        // reference_values.py: 4,000,000 seeded random.betavariate draws, standard error at most 0.00025.
        double[] expected = { 0.82002475, 0.001488, 0.1640975, 0.0104725, 0.00391725 };

        var probabilities = Statistics.ProbabilitiesToBeBest(new (long, long)[] { (10, 1), (1_000_000, 50_000), (300, 20), (5000, 260), (1000, 45) });

        AssertAllClose(expected, probabilities, MonteCarloTolerance);
    }

    // Expected: p_beat_closed_form((1_000_000, conversions), (1_000_000, controlConversions)) in reference_values.py.
    [Theory]
    [InlineData(50_600, 50_000, 0.9738796269318046)]
    [InlineData(50_000, 50_000, 0.49999999856140576)]
    [InlineData(3, 0, 0.9375001897548688)] // zero conversions in a million clicks: close to 1 - 1/2^4
    public void ProbabilitiesToBeBest_MillionClicks_MatchClosedForm(long conversions, long controlConversions, double expected)
    {
        var probabilities = Statistics.ProbabilitiesToBeBest(new (long, long)[] { (1_000_000, controlConversions), (1_000_000, conversions) });
        var toBeat = Statistics.ProbabilityToBeatControl((1_000_000, conversions), (1_000_000, controlConversions));

        AssertAllClose(new[] { 1.0 - expected, expected }, probabilities);
        Assert.Equal(expected, toBeat, ProbabilityTolerance);
    }

    [Fact]
    public void ProbabilitiesToBeBest_OneVariant_IsCertain()
    {
        Assert.Equal(new[] { 1.0 }, Statistics.ProbabilitiesToBeBest(new (long, long)[] { (0, 0) }));
    }

    [Fact]
    public void ProbabilitiesToBeBest_NoVariants_IsEmpty()
    {
        Assert.Empty(Statistics.ProbabilitiesToBeBest(Array.Empty<(long, long)>()));
    }

    [Fact]
    public void ProbabilitiesToBeBest_IdenticalVariants_ShareEqually()
    {
        var probabilities = Statistics.ProbabilitiesToBeBest(new (long, long)[] { (700, 35), (700, 35), (700, 35), (700, 35) });

        Assert.All(probabilities, p => Assert.Equal(0.25, p, 1e-12));
    }

    [Fact]
    public void ProbabilitiesToBeBest_SumToOne()
    {
        var probabilities = Statistics.ProbabilitiesToBeBest(new (long, long)[] { (0, 0), (40, 40), (500, 0), (1_000_000, 1), (123, 45) });

        Assert.Equal(1.0, probabilities.Sum(), 1e-12);
    }

    private static void AssertAllClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance = ProbabilityTolerance)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(
                Math.Abs(expected[i] - actual[i]) <= tolerance,
                $"variant {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
