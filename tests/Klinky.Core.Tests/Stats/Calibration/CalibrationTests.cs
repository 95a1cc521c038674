using Klinky.Stats;
using Klinky.Stats.Calibration;

namespace Klinky.Tests.Stats.Calibration;

/// <summary>
/// A fast, seeded subset of the calibration harness (bench/Klinky.Stats.Calibration, whose simulation code this
/// project compiles): the rates the verdict promises, measured on the same simulated data as the old rule.
/// </summary>
public class CalibrationTests
{
    private static readonly IDecisionRule AlwaysValid = new AlwaysValidRule(Simulation.Threshold);
    private static readonly IDecisionRule OldRule = new ProbabilityToBeBestRule(Simulation.Threshold);

    [Fact]
    public void AlwaysValidRule_AAWithALookEvery100Visitors_RarelyDeclaresAWinner_WhereTheOldRuleOftenDid()
    {
        var results = Simulation.Run(Scenario.AA(0.05, 2, 100, 10_000), new[] { AlwaysValid, OldRule }, 300, 11);

        Assert.True(results[0].DeclaredShare <= 0.05, $"always-valid false winners {results[0].DeclaredShare:P1}");
        Assert.True(results[1].DeclaredShare >= 0.30, $"old rule false winners {results[1].DeclaredShare:P1}: the simulation no longer shows the peeking problem");
    }

    [Fact]
    public void AlwaysValidRule_AAAWithALookEvery100Visitors_KeepsTheFamilyWiseRate()
    {
        var results = Simulation.Run(Scenario.AA(0.05, 3, 100, 10_000), new[] { AlwaysValid }, 300, 12);

        Assert.True(results[0].DeclaredShare <= 0.05, $"false winners {results[0].DeclaredShare:P1}");
    }

    [Fact]
    public void AlwaysValidRule_Plus30PercentOn5Percent_FindsTheRightWinnerBy10000PerVariant()
    {
        var results = Simulation.Run(Scenario.AB(0.05, 0.30, 100, 10_000), new[] { AlwaysValid }, 300, 13);

        Assert.True(results[0].RightShare >= 0.90, $"power {results[0].RightShare:P1}");
        Assert.True(results[0].WrongShare <= 0.01, $"wrong winners {results[0].WrongShare:P1}");
    }

    [Fact]
    public void VisitorsNeeded_ThePlannedSample_GivesAtLeast80PercentPower()
    {
        // +30% on 20%: visitors_per_variant(0.2, 0.3, 1) = 1586; looks every 50 visitors up to that many.
        var planned = (int)AlwaysValidTest.VisitorsPerVariant(0.20, 0.30, 1)!.Value;
        var scenario = Scenario.AB(0.20, 0.30, 50, planned);

        var results = Simulation.Run(scenario, new[] { AlwaysValid }, 300, 14);

        Assert.True(results[0].RightShare >= 0.80, $"power at the planned {planned} per variant: {results[0].RightShare:P1}");
    }
}
