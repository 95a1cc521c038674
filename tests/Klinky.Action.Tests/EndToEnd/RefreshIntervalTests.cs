using Klinky.Links;

namespace Klinky.Action.Tests.EndToEnd;

/// <summary>
/// <c>refresh-after</c>: a push within it re-renders the report from the figures its comment saved and spends no Klinky
/// request; a <c>workflow_dispatch</c> run refreshes whatever the interval says.
/// </summary>
[Collection(ActionEndToEndCollection.Name)]
public sealed class RefreshIntervalTests
{
    private readonly ActionEndToEndFixture _fixture;

    public RefreshIntervalTests(ActionEndToEndFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task PushWithinRefreshAfter_ReRendersFromTheComment_SpendingNothing_AndDispatchForcesARefresh()
    {
        const int pr = 4601;
        await _fixture.CreateLinkAsync("e2e-interval-a", clicks: 4);
        using (var first = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-interval-a"))
        {
            var result = await first.RunAsync();
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal("2", first.ReadOutputs()["klinky-requests"]);
        }

        var afterFirst = Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr)).Body;
        Assert.Contains("<!-- klinky-data:1:", afterFirst, StringComparison.Ordinal);
        Assert.Contains("figures as of ", afterFirst, StringComparison.Ordinal);
        await _fixture.ClickAsync("e2e-interval-a", 5);

        using var second = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-interval-a");
        var before = await _fixture.RemainingAsync();
        var secondResult = await second.RunAsync();
        var spent = before - await _fixture.RemainingAsync() - 1;

        Assert.True(secondResult.ExitCode == 0, secondResult.ToString());
        Assert.Equal(0, spent);
        Assert.Equal("0", second.ReadOutputs()["klinky-requests"]);
        Assert.Equal(afterFirst, Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr)).Body);
        Assert.DoesNotContain("::notice", secondResult.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"Klinky: spent 0 Klinky requests; \d+ of \d+ left until ", second.ReadSummary());

        using var dispatch = _fixture.EventSandbox("workflow_dispatch", RunnerSandbox.Fixture("workflow_dispatch"), ActionEndToEndFixture.NewSha(), _fixture.UserToken)
            .WithInput("links", "e2e-interval-a")
            .WithInput("pr-number", pr.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var forced = await dispatch.RunAsync();

        Assert.True(forced.ExitCode == 0, forced.ToString());
        // One stats read: the saved figures know the link's id, so no listing is needed.
        Assert.Equal("1", dispatch.ReadOutputs()["klinky-requests"]);
        Assert.Contains("9 clicks", Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr)).Body, StringComparison.Ordinal);
    }
}
