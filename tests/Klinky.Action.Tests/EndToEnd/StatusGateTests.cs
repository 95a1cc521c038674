using Klinky.Testing.GitHub;

namespace Klinky.Action.Tests.EndToEnd;

/// <summary>The action's opt-in 'status' input: the report comment, then klinky/&lt;comment-key&gt; on the pull request's head commit.</summary>
[Collection(ActionEndToEndCollection.Name)]
public sealed class StatusGateTests
{
    private const string HeadSha = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
    private readonly ActionEndToEndFixture _fixture;

    public StatusGateTests(ActionEndToEndFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task StatusInput_WhileCollectingData_SetsPendingOnTheHeadCommit_PointingAtTheComment()
    {
        const int pr = 181;
        await _fixture.CreateLinkAsync("e2e-gate-a", clicks: 4);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-gate-a").WithInput("comment-key", "gate-a").WithInput("status", "true");

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        var comment = Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr));
        var status = Assert.Single(_fixture.GitHub.Statuses(RunnerSandbox.Repository, HeadSha), s => s.Context == "klinky/gate-a");
        Assert.Equal("pending", status.State);
        Assert.EndsWith($"#issuecomment-{comment.Id}", status.TargetUrl, StringComparison.Ordinal);
        Assert.Equal("pending", sandbox.ReadOutputs()["status"]);
    }

    [Fact]
    public async Task StatusInputOff_SetsNoStatus()
    {
        const int pr = 182;
        await _fixture.CreateLinkAsync("e2e-gate-b", clicks: 4);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-gate-b").WithInput("comment-key", "gate-b");

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain(_fixture.GitHub.AllStatuses, s => s.Context == "klinky/gate-b");
    }
}
