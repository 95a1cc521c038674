using Klinky.Stats.Calibration;

namespace Klinky.Tests.Stats.Calibration;

/// <summary>
/// A fast, seeded subset of the verdict's harness cells (bench/Klinky.Stats.Calibration/VerdictSimulation.cs, compiled
/// here): unequal weights, a sample-ratio fault and the push sequence, each beside today's rule on the same data.
/// </summary>
public class VerdictCellTests
{
    [Fact]
    public void TenNinetyAA_KeepsFalseWinnersUnder4Percent_WithFewerThanTodaysRule()
    {
        var r = VerdictSimulation.Run(VerdictCell.AA("A/A 10/90", 0.05, new[] { 10, 90 }, 600), 71);

        Assert.True(r.Share(r.NewWrong) <= 0.04, $"false winners {r.Share(r.NewWrong):P1}");
        Assert.True(r.NewWrong < r.TodayWrong, $"new {r.NewWrong} vs today {r.TodayWrong}: the pooled variance should remove some");
        Assert.True(r.Share(r.SrmFlags) <= 0.02, $"SRM false alarms {r.Share(r.SrmFlags):P1}");
    }

    [Fact]
    public void FortySevenAndAHalfServedOnFiftyFifty_IsFlaggedBy20000Visitors()
    {
        var r = VerdictSimulation.Run(VerdictCell.AA("A/A 47.5/52.5", 0.05, new[] { 50, 50 }, 200) with { Served = new[] { 0.475, 0.525 } }, 72);

        Assert.True(r.Share(r.SrmFlagsBy20k) >= 0.80, $"flagged {r.Share(r.SrmFlagsBy20k):P1}");
    }

    [Fact]
    public void PushSequence_WithTheMemory_NeverGoesBackToNotSignificant_WhereTodaysRuleDoes()
    {
        var cell = new VerdictCell("A/B +20% pushes", new[] { 0.05, 0.06 }, new[] { 50, 50 }, new[] { 0.5, 0.5 }, 1_000, 20_000, 150) { Pushes = true };

        var r = VerdictSimulation.Run(cell, 73);

        Assert.True(r.NewSignificant > 30, $"only {r.NewSignificant} significant: the cell no longer tests anything");
        Assert.Equal(0, r.NewFlips);
        Assert.True(r.TodayFlips > 0, "today's rule should flip in some experiments on the same data");
    }
}
