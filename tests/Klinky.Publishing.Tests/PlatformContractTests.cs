using Klinky.Testing;
using Klinky.Publishing.Gate;
using Klinky.Publishing.Tests.Fakes;

using Klinky.Reporting;

namespace Klinky.Publishing.Tests;

/// <summary>
/// What every platform must do with its fake, run once per platform: a first run posts one report and a second
/// updates it in place, the marker is found across pages and only when our own identity wrote it, a refused write
/// names what to grant, a rate limit is sat out once when short and reported when long, and the gate's states land.
/// </summary>
public abstract class PlatformContractTests : IAsyncLifetime
{
    protected static readonly string Marker = MarkdownReport.Marker("checkout");

    /// <summary>The token that may write, its identity, a token without the write permission, and someone else.</summary>
    protected abstract string Token { get; }

    protected abstract string ReadOnlyToken { get; }

    protected abstract string OurId { get; }

    protected abstract string OtherId { get; }

    /// <summary>The words the refusal must contain: the permission or scope to grant.</summary>
    protected abstract string PermissionToGrant { get; }

    protected abstract FakeServer Fake { get; }

    public abstract Task InitializeAsync();

    public async Task DisposeAsync() => await Fake.DisposeAsync();

    protected abstract IReportPlatform Platform(string token, int pullRequest, TimeSpan? maxRateLimitWait = null);

    protected abstract void Seed(int pullRequest, string authorId, string body);

    /// <summary>The live comments' bodies, oldest first.</summary>
    protected abstract IReadOnlyList<string> Bodies(int pullRequest);

    protected abstract void SetPageSize(int size);

    /// <summary>The statuses set, as (the platform's state word, the status's name, its description).</summary>
    protected abstract IReadOnlyList<(string State, string Name, string? Description)> Statuses();

    /// <summary>The platform's word for a gate state (success/succeeded, failed, pending).</summary>
    protected abstract string StateWord(GateState state);

    private static string Report(string text) => $"{Marker}\n{text}";

    [Fact]
    public async Task FirstRunPostsOneReport_SecondRunUpdatesItInPlace()
    {
        var publisher = new ReportPublisher(Platform(Token, 7));

        var first = await publisher.PublishAsync(await publisher.FindAsync(Marker), Report("run 1"), CommentMode.Update);
        var second = await publisher.PublishAsync(await publisher.FindAsync(Marker), Report("run 2"), CommentMode.Update);

        Assert.Equal(CommentAction.Created, first.Action);
        Assert.Equal(CommentAction.Updated, second.Action);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(new[] { Report("run 2") }, Bodies(7));
        Assert.Equal(OurId, second.Author);
    }

    [Fact]
    public async Task SameReportAgain_WritesNothing()
    {
        var publisher = new ReportPublisher(Platform(Token, 8));
        await publisher.PublishAsync(await publisher.FindAsync(Marker), Report("same"), CommentMode.Update);
        var before = Fake.Requests.Count;

        var again = await publisher.PublishAsync(await publisher.FindAsync(Marker), Report("same"), CommentMode.Update);

        Assert.Equal(CommentAction.Unchanged, again.Action);
        Assert.Equal(2, Fake.Requests.Count - before); // who-am-I and one page of comments; no write
    }

    [Fact]
    public async Task MarkerLookup_FollowsEveryPage_AndUpdatesTheReportOnTheLastOne()
    {
        SetPageSize(2);
        for (var i = 0; i < 5; i++)
        {
            Seed(9, OtherId, $"comment {i}");
        }

        Seed(9, OurId, Report("old numbers"));
        var publisher = new ReportPublisher(Platform(Token, 9));

        var existing = await publisher.FindAsync(Marker);
        var outcome = await publisher.PublishAsync(existing, Report("new numbers"), CommentMode.Update);

        Assert.Equal("old numbers", existing.Ours[^1].Body!.Split('\n')[1]);
        Assert.Equal(CommentAction.Updated, outcome.Action);
        Assert.Equal(6, Bodies(9).Count);
        Assert.Equal(Report("new numbers"), Bodies(9)[^1]);
    }

    [Fact]
    public async Task AMarkerWrittenByAnotherIdentity_IsNeverTakenForOurs()
    {
        Seed(10, OtherId, Report("forged numbers"));
        var publisher = new ReportPublisher(Platform(Token, 10));

        var existing = await publisher.FindAsync(Marker);
        var outcome = await publisher.PublishAsync(existing, Report("real numbers"), CommentMode.Update);

        Assert.Empty(existing.Ours);
        Assert.Equal(CommentAction.Created, outcome.Action);
        Assert.Equal(new[] { Report("forged numbers"), Report("real numbers") }, Bodies(10));
    }

    [Fact]
    public async Task DeleteMode_NothingToReport_RemovesTheReport()
    {
        var publisher = new ReportPublisher(Platform(Token, 11));
        await publisher.PublishAsync(await publisher.FindAsync(Marker), Report("numbers"), CommentMode.Delete);

        var outcome = await publisher.RetireAsync(await publisher.FindAsync(Marker), CommentMode.Delete);

        Assert.Equal(CommentAction.Deleted, outcome!.Action);
        Assert.Empty(Bodies(11));
    }

    [Fact]
    public async Task HideMode_WhereThePlatformCannotHide_RecreatesTheReport()
    {
        var publisher = new ReportPublisher(Platform(Token, 12));
        await publisher.PublishAsync(await publisher.FindAsync(Marker), Report("run 1"), CommentMode.Hide);

        var outcome = await publisher.PublishAsync(await publisher.FindAsync(Marker), Report("run 2"), CommentMode.Hide);

        Assert.Equal(CommentAction.Recreated, outcome.Action);
        Assert.Equal(new[] { Report("run 2") }, Bodies(12));
    }

    [Fact]
    public async Task MissingPermission_NamesWhatToGrant_AndNeverTheToken()
    {
        var publisher = new ReportPublisher(Platform(ReadOnlyToken, 13));

        var error = await Assert.ThrowsAsync<PublishingException>(async () => await publisher.PublishAsync(await publisher.FindAsync(Marker), Report("x"), CommentMode.Update));

        Assert.Equal(403, error.Status);
        Assert.True(error.IsPermission);
        Assert.Contains(PermissionToGrant, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ReadOnlyToken, error.Message, StringComparison.Ordinal);
        Assert.Empty(Bodies(13));
    }

    [Fact]
    public async Task ShortRateLimit_IsSatOutOnce_ThenTheCallGoesThrough()
    {
        var publisher = new ReportPublisher(Platform(Token, 14));
        Fake.FailNext(429, ("Retry-After", "0"));

        var outcome = await publisher.PublishAsync(await publisher.FindAsync(Marker), Report("x"), CommentMode.Update);

        Assert.Equal(CommentAction.Created, outcome.Action);
        Assert.Single(Bodies(14));
    }

    [Fact]
    public async Task LongRateLimit_IsReportedWithItsWait_NotSatOut()
    {
        var publisher = new ReportPublisher(Platform(Token, 15, TimeSpan.FromSeconds(30)));
        Fake.FailNext(429, ("Retry-After", "3600"));

        var error = await Assert.ThrowsAsync<PublishingRateLimitException>(() => publisher.FindAsync(Marker));

        Assert.Equal(TimeSpan.FromHours(1), error.RetryAfter);
        Assert.Contains("rate limit", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("worse", GateState.Failure)]
    [InlineData("neutral", GateState.Success)]
    [InlineData("winning", GateState.Success)]
    [InlineData("collecting", GateState.Pending)]
    public async Task Gate_SetsTheVerdictsStateAsTheKlinkyStatus(string preview, GateState expected)
    {
        var platform = Platform(Token, 16);
        var status = ReportGate.Decide(new[] { GateCases.ByName(preview) }, "checkout", "https://example.test/report");

        await platform.SetStatusAsync(status, CancellationToken.None);

        var (state, name, description) = Statuses()[^1];
        Assert.Equal(expected, status.State);
        Assert.Equal(StateWord(expected), state);
        Assert.Equal("klinky/checkout", name);
        Assert.Equal(status.Description, description);
    }

    [Fact]
    public async Task Gate_WithoutTheWritePermission_NamesWhatToGrant()
    {
        var status = ReportGate.Decide(new[] { GateCases.Worse() }, "checkout", null);

        var error = await Assert.ThrowsAsync<PublishingException>(() => Platform(ReadOnlyToken, 17).SetStatusAsync(status, CancellationToken.None));

        Assert.Contains(PermissionToGrant, error.Message, StringComparison.Ordinal);
    }
}
