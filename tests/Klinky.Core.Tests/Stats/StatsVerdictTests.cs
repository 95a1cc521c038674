using Klinky.Stats;

namespace Klinky.Tests.Stats;

public class StatsVerdictTests
{
    [Theory]
    [InlineData(88, StatsStatus.Running, null)] // interval(88, 1000, 50, 1000) = (-0.00002, 0.076): holds 0
    [InlineData(89, StatsStatus.Significant, "b")] // interval(89, 1000, 50, 1000) = (0.00086, 0.077)
    public void Decide_SignificantOnceTheIntervalExcludesZero(long conversions, string status, string? winner)
    {
        var verdict = StatsVerdict.Decide(new[] { new VariantCounts("control", 50, 1000, 50), new VariantCounts("b", 50, 1000, conversions) }, 100, 0.2);

        Assert.Equal(status, verdict.Status);
        Assert.Equal(winner, verdict.RecommendedWinner);
        Assert.Equal(winner is null ? VariantVerdict.Inconclusive : VariantVerdict.Better, verdict.Verdicts[1]);
    }

    [Fact]
    public void Decide_SeveralBeatControl_RecommendsTheHighestGuaranteedUplift()
    {
        // c has the higher observed rate but fewer clicks, so its interval reaches lower: b's lower bound is higher.
        var verdict = StatsVerdict.Decide(new[]
        {
            new VariantCounts("control", 10, 20_000, 1000),
            new VariantCounts("b", 10, 20_000, 1400),
            new VariantCounts("c", 1, 2_000, 160),
        }, 100, 0.2);

        Assert.Equal(StatsStatus.Significant, verdict.Status);
        Assert.Equal(VariantVerdict.Better, verdict.Verdicts[1]);
        Assert.Equal(VariantVerdict.Better, verdict.Verdicts[2]);
        Assert.True(verdict.Intervals[1]!.Value.Low > verdict.Intervals[2]!.Value.Low);
        Assert.Equal("b", verdict.RecommendedWinner);
    }

    [Fact]
    public void Decide_EveryVariantLoses_RecommendsTheControl()
    {
        var verdict = StatsVerdict.Decide(new[]
        {
            new VariantCounts("b", 33, 5000, 200),
            new VariantCounts("control", 34, 5000, 400),
            new VariantCounts("c", 33, 5000, 210),
        }, 100, 0.2);

        Assert.Equal(StatsStatus.Significant, verdict.Status);
        Assert.Equal("control", verdict.RecommendedWinner);
        Assert.Equal(new[] { VariantVerdict.Worse, null, VariantVerdict.Worse }, verdict.Verdicts);
    }

    [Fact]
    public void Decide_OneLosesTheOtherUndecided_KeepsRunningWithoutWinner()
    {
        var verdict = StatsVerdict.Decide(new[]
        {
            new VariantCounts("control", 34, 5000, 400),
            new VariantCounts("b", 33, 5000, 200),
            new VariantCounts("c", 33, 5000, 410),
        }, 100, 0.2);

        Assert.Equal(StatsStatus.Running, verdict.Status);
        Assert.Null(verdict.RecommendedWinner);
        Assert.Equal(VariantVerdict.Worse, verdict.Verdicts[1]);
        Assert.Equal(VariantVerdict.Inconclusive, verdict.Verdicts[2]);
        Assert.NotNull(verdict.VisitorsNeeded);
    }

    [Fact]
    public void Decide_FiveIdenticalVariants_SharesAlphaAmongFourComparisons()
    {
        var counts = new[] { "control", "b", "c", "d", "e" }.Select(l => new VariantCounts(l, 20, 5000, 250)).ToList();
        counts[4] = new VariantCounts("e", 20, 5000, 325);

        var verdict = StatsVerdict.Decide(counts, 100, 0.2);

        // 6.5% vs 5%: compared alone (alpha 0.05) e would win; as one of four comparisons (alpha 0.0125 each) it does not yet.
        Assert.True(verdict.Intervals[4]!.Value.Low < 0);
        Assert.Equal(StatsStatus.Running, verdict.Status);
        Assert.True(AlwaysValidTest.DifferenceInterval(counts[4], counts[0], 1)!.Value.Low > 0);
    }

    [Fact]
    public void Decide_WhileCollecting_CountsVisitorsStillNeededFromTheControlRate()
    {
        var verdict = StatsVerdict.Decide(new[] { new VariantCounts("control", 50, 60, 3), new VariantCounts("b", 50, 40, 2) }, 100, 0.2);

        // visitors_per_variant(0.05, 0.2, 1) = 16186, minus the fewest so far (40); the link as a whole: 2 x 16,186 - 100
        Assert.Equal(StatsStatus.InsufficientData, verdict.Status);
        Assert.Equal(16186 - 40, verdict.VisitorsNeeded);
        Assert.Equal((16186 - 40) * 2, verdict.TotalVisitorsNeeded);
    }

    [Fact]
    public void Decide_ControlWithoutConversions_CannotPlanVisitors()
    {
        var verdict = StatsVerdict.Decide(new[] { new VariantCounts("control", 50, 60, 0), new VariantCounts("b", 50, 40, 2) }, 100, 0.2);

        Assert.Null(verdict.VisitorsNeeded);
    }

    [Fact]
    public void Decide_SingleVariant_HasNothingToCompareAndNoWinner()
    {
        var verdict = StatsVerdict.Decide(new[] { new VariantCounts("only", 100, 500, 50) }, 100, 0.2);

        Assert.Equal(StatsStatus.Running, verdict.Status);
        Assert.Null(verdict.RecommendedWinner);
        Assert.Null(verdict.VisitorsNeeded);
    }
}
