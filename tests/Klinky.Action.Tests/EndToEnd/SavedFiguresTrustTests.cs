using Klinky.Reporting;
using Klinky.Stats;

namespace Klinky.Action.Tests.EndToEnd;

/// <summary>
/// The comment's saved figures are public and editable: they are trusted only in a report comment by the identity the
/// run comments as, signed with its API key, within every limit. Anything else is ignored and the run refreshes.
/// </summary>
[Collection(ActionEndToEndCollection.Name)]
public sealed class SavedFiguresTrustTests
{
    private const string Marker = "<!-- klinky-report:default -->";
    private readonly ActionEndToEndFixture _fixture;

    public SavedFiguresTrustTests(ActionEndToEndFixture fixture) => _fixture = fixture;

    [Theory]
    [InlineData(4701, "trusted", "0")]
    [InlineData(4702, "another-author", "2")]
    [InlineData(4703, "edited", "2")]
    [InlineData(4704, "another-key", "2")]
    [InlineData(4705, "truncated", "2")]
    [InlineData(4706, "future-version", "2")]
    [InlineData(4707, "oversized", "2")]
    [InlineData(4708, "from-the-future", "2")]
    public async Task SavedFigures_AreUsedOnlyWhenTrusted_OtherwiseTheRunRefreshes(int pr, string kind, string requests)
    {
        var slug = $"e2e-trust-{pr}";
        var link = await _fixture.CreateLinkAsync(slug, clicks: 3);
        var readAt = kind == "from-the-future" ? DateTimeOffset.UtcNow.AddHours(3) : DateTimeOffset.UtcNow.AddMinutes(-1);
        var saved = new SavedReport(new[]
        {
            new SavedLink(link.Id, slug, link.Name, null, 100, null, new[] { new VariantCounts("control", 50, 70, 7), new VariantCounts("variant_b", 50, 71, 9) }, readAt),
        });
        var line = ReportData.Write(saved, kind == "another-key" ? "klinky_live_someone_else" : _fixture.Emulator.ApiKey)!;
        line = kind switch
        {
            "edited" => line.Replace(":eyJ", ":eyK", StringComparison.Ordinal),
            "truncated" => line[..(line.Length / 2)],
            "future-version" => line.Replace("klinky-data:1:", "klinky-data:9:", StringComparison.Ordinal),
            "oversized" => line.Replace(" -->", new string('A', ReportData.MaxPayloadLength) + " -->", StringComparison.Ordinal),
            _ => line,
        };
        var author = kind == "another-author" ? "mallory" : ActionEndToEndFixture.UserLogin;
        _fixture.GitHub.AddComment(RunnerSandbox.Repository, pr, author, Marker + "\n## old report\n\n" + line + "\n");
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", slug);

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("::error", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(requests, sandbox.ReadOutputs()["klinky-requests"]);
        var ours = _fixture.GitHub.Comments(RunnerSandbox.Repository, pr).Single(c => c.Login == ActionEndToEndFixture.UserLogin);
        // Trusted figures are the seeded 141 clicks; refreshed ones are the 3 the emulator counted.
        Assert.Contains(requests == "0" ? "141 clicks" : "3 clicks", ours.Body, StringComparison.Ordinal);
        if (kind is not ("trusted" or "another-author"))
        {
            Assert.Contains("saved figures were ignored", result.All, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TwoOfOurReports_RacingFirstRunsLeftThem_TheFreshestFiguresAreUsed_AndTheDuplicateRemoved()
    {
        const int pr = 4709;
        var slug = $"e2e-trust-{pr}";
        var link = await _fixture.CreateLinkAsync(slug, clicks: 3);
        string Comment(int clicks, DateTimeOffset readAt) => Marker + "\n## report\n\n" + ReportData.Write(new SavedReport(new[]
        {
            new SavedLink(link.Id, slug, link.Name, null, 100, null, new[] { new VariantCounts("control", 50, clicks, 0), new VariantCounts("variant_b", 50, clicks, 0) }, readAt),
        }), _fixture.Emulator.ApiKey) + "\n";

        // The oldest comment is the one the publisher keeps; here it holds the fresher figures (within refresh-after).
        var keeper = _fixture.GitHub.AddComment(RunnerSandbox.Repository, pr, ActionEndToEndFixture.UserLogin, Comment(60, DateTimeOffset.UtcNow.AddMinutes(-1)));
        _fixture.GitHub.AddComment(RunnerSandbox.Repository, pr, ActionEndToEndFixture.UserLogin, Comment(20, DateTimeOffset.UtcNow.AddHours(-2)));
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", slug);

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("0", sandbox.ReadOutputs()["klinky-requests"]);
        var ours = Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr));
        Assert.Equal(keeper.Id, ours.Id);
        Assert.Contains("120 clicks", ours.Body, StringComparison.Ordinal);
    }
}
