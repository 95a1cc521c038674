using Klinky.OrgSimulation;

namespace Klinky.Action.Tests.EndToEnd;

/// <summary>
/// A fast seeded slice of the organisation simulation (bench/Klinky.OrgSimulation): three repositories, a compressed
/// 20-second "hour" of 20 requests (one at the load the budget carries, two at three times it), the real build task and
/// the real action process per push on one shared key. It asserts outcomes, never how long anything took.
/// </summary>
/// <remarks>
/// The reserve is a fifth of the budget, as Growth's 20 of 100 and the full simulation's. With 12 requests a window the
/// reserve (at least one per runner, 4) is a third, and three new pull requests' builds in a window take the reports'
/// whole share: that is beyond what the budget carries, not the load this slice stands for.
/// At three times the load the seeded schedule opens five pull requests in the first window: their builds spend 10 of its
/// 20 requests, and their first reports none (a new link's counts at its creation stand in for a read within
/// refresh-after), which leaves the reports of the older pull requests their share above the reserve. When a first report
/// read its link too, the five spent the whole window, and what each build met depended on how the jobs interleaved (3 of
/// 8 test runs missed a count at 3x). A failure message carries the simulation's trace, one line per push.
/// </remarks>
public sealed class OrgSimulationSliceTests
{
    private static readonly SimulationOptions Slice = new() { Seed = 7, Repositories = 3, WindowSeconds = 20, Budget = 20, Windows = 1 };

    [Fact]
    public async Task AtTheLoadTheBudgetCarriesAndThreeTimesIt_EveryBuildGetsItsLink_EveryReportShowsRecentFigures_NoJobFails_No429_ForFewerRequests()
    {
        // The simulation's own fake GitHub (bench/fake-github.py), as ./build.sh bench runs it.
        await using var github = await FakeGitHubProcess.StartAsync();
        using var trace = TextWriter.Synchronized(new StringWriter());

        trace.WriteLine("1x:");
        var one = await Klinky.OrgSimulation.OrgSimulation.RunAsync(Slice with { Trace = trace }, 1, github.ApiUrl, "ghs_slice");

        // Two windows, so figures can be a window old: the bound is one window plus the refresh interval.
        var twoWindows = Slice with { Windows = 2, Trace = trace };
        trace.WriteLine("3x:");
        var three = await Klinky.OrgSimulation.OrgSimulation.RunAsync(twoWindows, 3, github.ApiUrl, "ghs_slice");
        var bound = TimeSpan.FromSeconds(twoWindows.WindowSeconds) + twoWindows.RefreshAfter;
        var said = "\n" + trace;

        Assert.True(one.Pushes == 6 && three.Pushes == 36, $"pushes {one.Pushes} and {three.Pushes}{said}");
        foreach (var (load, row) in new[] { ("1x", one), ("3x", three) })
        {
            Assert.True(row.FailedJobs == 0, $"{load}: {row.FailedJobs} failed jobs{said}");
            Assert.True(row.Klinky429 == 0, $"{load}: {row.Klinky429} Klinky 429 answers{said}");
            Assert.True(row.BuildsWithoutLink == 0, $"{load}: {row.BuildsWithoutLink} builds without their link{said}");
            Assert.True(row.ReportsWithoutFigures == 0, $"{load}: {row.ReportsWithoutFigures} reports without figures{said}");
            Assert.True(row.WorstAge <= bound, $"{load}: the oldest figures shown were {row.WorstAge.TotalSeconds:0.#} s old, more than {bound.TotalSeconds:0.#} s{said}");
        }

        Assert.True(one.RequestsPerPush <= one.TodayRequestsPerPush / 2, $"{one.RequestsPerPush:0.00} requests a push, today's {one.TodayRequestsPerPush:0.00}{said}");
    }
}
