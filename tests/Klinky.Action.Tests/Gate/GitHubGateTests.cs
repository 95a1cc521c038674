using Klinky.Testing.GitHub;
using Klinky.Publishing;
using Klinky.Publishing.Gate;
using Klinky.Publishing.GitHub;
using Klinky.Testing;

namespace Klinky.Action.Tests.Gate;

/// <summary>The merge gate on GitHub: a commit status named klinky/&lt;key&gt; on the head commit, from Core's verdict.</summary>
public sealed class GitHubGateTests : IAsyncLifetime
{
    private const string Sha = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
    private const string Writer = "ghp_writer";
    private const string ReadOnly = "ghs_readonly";
    private const string ProductToken = "Klinky.Tests/0.0.0-test";
    private FakeGitHub _github = null!;

    public async Task InitializeAsync()
    {
        _github = await FakeGitHub.StartAsync();
        _github.AddToken(Writer, new FakeToken("klinky-bot", IsInstallation: false, ReadOnly: false));
        _github.AddToken(ReadOnly, new FakeToken("github-actions[bot]", IsInstallation: true, ReadOnly: true));
    }

    public async Task DisposeAsync() => await _github.DisposeAsync();

    private GitHubPlatform Platform(string token) =>
        new(GitHubClientFactory.Create(_github.ApiUrl, token, ProductToken, inner => new GitHubRateLimitHandler(TimeSpan.Zero, TimeProvider.System, _ => { }, inner)),
            new PullRequestRef("Codertocat", "Hello-World", 7), minimizer: null, headCommit: Sha);

    [Theory]
    [InlineData("worse", "failure")]
    [InlineData("neutral", "success")]
    [InlineData("winning", "success")]
    [InlineData("collecting", "pending")]
    public async Task SetStatusAsync_PutsTheVerdictOnTheHeadCommit(string preview, string expected)
    {
        var status = ReportGate.Decide(new[] { GateCases.ByName(preview) }, "checkout", "https://github.com/Codertocat/Hello-World/pull/7#issuecomment-1");

        await Platform(Writer).SetStatusAsync(status, CancellationToken.None);

        var set = Assert.Single(_github.Statuses("Codertocat/Hello-World", Sha));
        Assert.Equal(expected, set.State);
        Assert.Equal("klinky/checkout", set.Context);
        Assert.Equal(status.Description, set.Description);
        Assert.Equal(status.TargetUrl, set.TargetUrl);
    }

    [Fact]
    public async Task SetStatusAsync_WithoutStatusesWrite_IsClassifiedAsTheMissingPermission()
    {
        var status = ReportGate.Decide(new[] { GateCases.Worse() }, "checkout", null);

        var error = await Assert.ThrowsAsync<Octokit.ForbiddenException>(() => Platform(ReadOnly).SetStatusAsync(status, CancellationToken.None));

        var message = CommentFailure.Classify(error, "Codertocat/Hello-World#7", false, false, GitHubWrite.Status).Message;
        Assert.StartsWith("Could not set the merge gate's status on Codertocat/Hello-World#7:", message, StringComparison.Ordinal);
        Assert.Contains("permissions: statuses: write", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_NameTheCallingProductAndItsVersion_InTheUserAgent()
    {
        var status = ReportGate.Decide(new[] { GateCases.Worse() }, "checkout", null);

        await Platform(Writer).SetStatusAsync(status, CancellationToken.None);

        Assert.NotEmpty(_github.UserAgents);
        Assert.All(_github.UserAgents, agent => Assert.StartsWith(ProductToken + " ", agent, StringComparison.Ordinal));
    }
}
