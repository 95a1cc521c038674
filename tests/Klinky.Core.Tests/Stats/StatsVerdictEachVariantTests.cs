using Klinky.Stats;

namespace Klinky.Tests.Stats;

/// <summary>Each variant is judged on its own; a weak or unweighted one never blocks the others; mismatched splits give no verdict.</summary>
public class StatsVerdictEachVariantTests
{
    [Fact]
    public void Decide_BrokenVariantWithAlmostNoConversions_IsJudgedWorseAndTheOthersStillDecide()
    {
        var verdict = StatsVerdict.Decide(new[]
        {
            new VariantCounts("control", 34, 20_000, 1000),
            new VariantCounts("broken", 33, 20_000, 3),
            new VariantCounts("better", 33, 20_000, 1300),
        }, 100, 0.2);

        Assert.Equal(VariantVerdict.Worse, verdict.Verdicts[1]);
        Assert.Equal(VariantVerdict.Better, verdict.Verdicts[2]);
        Assert.Equal(StatsStatus.Significant, verdict.Status);
        Assert.Equal("better", verdict.RecommendedWinner);
    }

    [Fact]
    public void Decide_ZeroWeightVariantWithoutClicks_TakesNoPartAndBlocksNothing()
    {
        var counts = new[]
        {
            new VariantCounts("control", 50, 20_000, 1000),
            new VariantCounts("paused", 0, 0, 0),
            new VariantCounts("b", 50, 20_000, 1300),
        };
        var verdict = StatsVerdict.Decide(counts, 100, 0.2);

        Assert.Equal(StatsStatus.Significant, verdict.Status);
        Assert.Equal("b", verdict.RecommendedWinner);
        Assert.Equal(VariantVerdict.Inconclusive, verdict.Verdicts[1]);

        // One comparison taking part: alpha is not split for the paused variant.
        Assert.Equal(AlwaysValidTest.DifferenceInterval(counts[2], counts[0], 1), verdict.Intervals[2]);
    }

    [Fact]
    public void Decide_VariantShortOfClicks_LeavesTheOtherComparisonJudged()
    {
        // A threshold of 1,000 clicks: "late" (2% of the traffic) has 800, the others plenty.
        var verdict = StatsVerdict.Decide(new[]
        {
            new VariantCounts("control", 50, 20_000, 1000),
            new VariantCounts("late", 2, 800, 40),
            new VariantCounts("b", 48, 19_200, 1300),
        }, 1_000, 0.2);

        Assert.Equal(StatsStatus.Significant, verdict.Status);
        Assert.Equal("b", verdict.RecommendedWinner);
        Assert.Equal(VariantVerdict.Inconclusive, verdict.Verdicts[1]);
    }

    [Fact]
    public void Decide_SampleRatioMismatch_WithholdsTheVerdictButKeepsTheFigures()
    {
        var verdict = StatsVerdict.Decide(new[] { new VariantCounts("control", 50, 9_500, 475), new VariantCounts("b", 50, 10_500, 700) }, 100, 0.2);

        Assert.True(verdict.SampleRatio.Mismatch);
        Assert.Equal(VerdictWithheld.SampleRatioMismatch, verdict.Withheld);
        Assert.Equal(StatsStatus.Running, verdict.Status);
        Assert.Null(verdict.RecommendedWinner);
        Assert.All(verdict.Verdicts, v => Assert.Null(v));
        Assert.NotNull(verdict.Intervals[1]);
    }

    [Fact]
    public void Decide_TwoWinnersTheDataCannotOrder_AreTied_ASeparatedOneIsNot()
    {
        var tied = StatsVerdict.Decide(new[]
        {
            new VariantCounts("control", 34, 20_000, 1000),
            new VariantCounts("b", 33, 20_000, 1300),
            new VariantCounts("c", 33, 20_000, 1290),
        }, 100, 0.2);
        var separated = StatsVerdict.Decide(new[]
        {
            new VariantCounts("control", 34, 20_000, 1000),
            new VariantCounts("b", 33, 20_000, 1600),
            new VariantCounts("c", 33, 20_000, 1200),
        }, 100, 0.2);

        Assert.Equal("b", tied.RecommendedWinner);
        Assert.Equal(new[] { "c" }, tied.TiedWinners);
        Assert.Equal(VariantVerdict.Better, separated.Verdicts[2]);
        Assert.Equal("b", separated.RecommendedWinner);
        Assert.Empty(separated.TiedWinners);
    }

    [Fact]
    public void Decide_TenNinetyWeights_PlansForTheSmallArm()
    {
        var verdict = StatsVerdict.Decide(new[] { new VariantCounts("control", 10, 200, 10), new VariantCounts("b", 90, 1_800, 90) }, 100, 0.2);

        // visitors_in_total(0.05, 0.2, 1, 0.1, 0.9) = 103,061: the control must reach 10,307 of them, b 92,755; the
        // link needs the visitors that bring the control there (b needs the most on its own).
        Assert.Equal(92_755 - 1_800, verdict.VisitorsNeeded);
        Assert.Equal((long)Math.Ceiling((10_307 - 200) / 0.1), verdict.TotalVisitorsNeeded);
    }
}
