using Klinky.OrgSimulation;

namespace Klinky.Action.Tests.EndToEnd;

/// <summary>
/// A fast seeded slice of the organisation simulation (bench/Klinky.OrgSimulation): three repositories, one compressed
/// 20-second "hour" of 12 requests, the real build task and the real action process per push on one shared key.
/// </summary>
public sealed class OrgSimulationSliceTests
{
    private static readonly SimulationOptions Slice = new() { Seed = 7, Repositories = 3, WindowSeconds = 20, Budget = 12, Windows = 1 };

    [Fact]
    public async Task AtTheLoadTheBudgetCarries_EveryBuildGetsItsLink_EveryReportShowsFigures_ForFewerRequests_AndAtThreeTimesNoJobFailsAndNo429()
    {
        // The simulation's own fake GitHub (bench/fake-github.py), as ./build.sh bench runs it.
        await using var github = await FakeGitHubProcess.StartAsync();

        var one = await Klinky.OrgSimulation.OrgSimulation.RunAsync(Slice, 1, github.ApiUrl, "ghs_slice");
        var three = await Klinky.OrgSimulation.OrgSimulation.RunAsync(Slice, 3, github.ApiUrl, "ghs_slice");

        Assert.Equal(4, one.Pushes);
        Assert.Equal(0, one.FailedJobs);
        Assert.Equal(0, one.Klinky429);
        Assert.Equal(0, one.BuildsWithoutLink);
        Assert.Equal(0, one.ReportsWithoutFigures);
        Assert.True(one.RequestsPerPush < one.TodayRequestsPerPush, $"{one.RequestsPerPush:0.00} requests a push, today's {one.TodayRequestsPerPush:0.00}");

        // Beyond what the budget carries, reports degrade (saved figures, notices) but no job fails and no client sends
        // what the headers say cannot be served.
        Assert.Equal(12, three.Pushes);
        Assert.Equal(0, three.FailedJobs);
        Assert.Equal(0, three.Klinky429);
    }
}
