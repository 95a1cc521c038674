using Klinky.Reporting;
using Klinky.Stats;

namespace Klinky.Action.Tests.EndToEnd;

/// <summary>
/// The verdict memory in the report comment's saved data, through the published program: a report that showed a
/// significant result keeps it on the next pushes (each run reads the memory, re-reads the stats with it and saves it
/// again), while a report without that memory judges the same counts on their own.
/// </summary>
[Collection(ActionEndToEndCollection.Name)]
public sealed class VerdictMemoryTests
{
    private const string Marker = "<!-- klinky-report:default -->";
    private readonly ActionEndToEndFixture _fixture;

    public VerdictMemoryTests(ActionEndToEndFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task ASignificantReport_StaysSignificantOverTwoPushes_FromTheMemoryItsCommentSaved()
    {
        const int pr = 4801;
        var link = await _fixture.CreateLinkAsync("e2e-memory-pr", clicks: 4);
        var readAt = DateTimeOffset.UtcNow.AddHours(-1);

        // An earlier push's report: the preview far ahead, with the memory that reached it (Core's own calculator).
        var earlier = SavedLink.Remember(
            StatsCalculator.Compute(link.Id, new[] { new VariantCounts("control", 50, 4000, 700), new VariantCounts("variant_b", 50, 4000, 1200) }, 100, null, DateRange.All) with { Link = link },
            saved: null,
            readAt);
        var line = ReportData.Write(new SavedReport(new[] { SavedLink.From(earlier, readAt) }), _fixture.Emulator.ApiKey)!;
        _fixture.GitHub.AddComment(RunnerSandbox.Repository, pr, ActionEndToEndFixture.UserLogin, Marker + "\n## old report\n\n" + line + "\n");

        for (var push = 1; push <= 2; push++)
        {
            using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-memory-pr").WithInput("refresh-after", "0");
            var result = await sandbox.RunAsync();

            Assert.True(result.ExitCode == 0, result.ToString());
            var outputs = sandbox.ReadOutputs();
            Assert.Equal("1", outputs["klinky-requests"]);
            Assert.Equal("true", outputs["significant"]);
            var body = Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr)).Body;
            var saved = Assert.Single(ReportData.Read(body, _fixture.Emulator.ApiKey, DateTimeOffset.UtcNow).Report!.Links);
            Assert.Equal(new long[] { 4 }, new[] { saved.Variants.Sum(v => v.Clicks) });
            // The memory is opaque to Core's callers: its JSON (as the comment keeps it) holds the verdict reached.
            Assert.Contains("\"variant_b\":\"better\"", Serialization.KlinkyJson.Serialize(saved.Memory!), StringComparison.Ordinal);
        }

        // The same link's counts without the memory: not a significant result.
        using var fresh = _fixture.Sandbox(pr + 1, _fixture.UserToken).WithInput("links", "e2e-memory-pr").WithInput("refresh-after", "0");
        var freshResult = await fresh.RunAsync();
        Assert.True(freshResult.ExitCode == 0, freshResult.ToString());
        Assert.Equal("false", fresh.ReadOutputs()["significant"]);
    }
}
