using Klinky.Action.Inputs;
using Klinky.Action.Reports;
using Klinky.Action.Tests.EndToEnd;
using Klinky.Reporting;
using Klinky.Stats;

namespace Klinky.Action.Tests.Reports;

/// <summary>
/// The report's refresh against the emulator: a fresh read goes through the verdict memory the comment saved, so a
/// verdict the report once showed stays on the next push even when the new read's counts alone do not reach it.
/// </summary>
[Collection(ActionEndToEndCollection.Name)]
public sealed class ReportRefreshTests
{
    private readonly ActionEndToEndFixture _fixture;

    public ReportRefreshTests(ActionEndToEndFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task FreshRead_KeepsTheSignificantVerdict_OfTheMemorySavedInTheComment_AndSavesTheMemoryAgain()
    {
        var link = await _fixture.CreateLinkAsync("e2e-memory-a", clicks: 4);
        var inputs = new ActionInputs { ApiKey = "unused-here", Links = new[] { "e2e-memory-a" }, RefreshAfter = TimeSpan.Zero, BudgetReserve = 0 };
        var now = DateTimeOffset.UtcNow;

        // What an earlier push's comment saved: this link's variants, read when the preview was far ahead.
        var earlier = SavedLink.Remember(
            StatsCalculator.Compute(link.Id, new[] { new VariantCounts("control", 50, 4000, 700), new VariantCounts("variant_b", 50, 4000, 1200) }, 100, null, DateRange.All),
            saved: null,
            now.AddHours(-1));
        Assert.Equal(StatsStatus.Significant, earlier.Status);
        var saved = new SavedReport(new[] { SavedLink.From(earlier with { Link = link }, now.AddHours(-1)) });

        var remembered = await new ReportRefresh(_fixture.Klinky, inputs, TimeProvider.System).RunAsync(saved, forced: false, Path.GetTempPath(), null, CancellationToken.None);
        var forgotten = await new ReportRefresh(_fixture.Klinky, inputs, TimeProvider.System).RunAsync(null, forced: false, Path.GetTempPath(), null, CancellationToken.None);

        Assert.Equal(1, remembered.Refreshed);
        Assert.Equal(StatsStatus.Significant, Assert.Single(remembered.Stats).Status);
        Assert.NotNull(Assert.Single(remembered.Saved).Memory);
        Assert.NotEqual(StatsStatus.Significant, Assert.Single(forgotten.Stats).Status);
    }
}
