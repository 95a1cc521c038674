using Klinky.Publishing.AzureDevOps;
using Klinky.Publishing.Gate;
using Klinky.Publishing.Tests.Fakes;

namespace Klinky.Publishing.Tests.AzureDevOps;

/// <summary>The platform contract on the Azure DevOps fake, and what only Azure DevOps does (closed threads, genre/name statuses).</summary>
public sealed class AzureDevOpsPlatformTests : PlatformContractTests
{
    private FakeAzureDevOps _fake = null!;

    protected override string Token => "ado-writer";

    protected override string ReadOnlyToken => "ado-reader";

    protected override string OurId => "0a6c1f0e-5c4b-4b6e-9f57-6c7a0bb2b001";

    protected override string OtherId => "d6245f20-2af8-44f4-9451-8107cb2767db";

    protected override string PermissionToGrant => "Contribute to pull requests";

    protected override FakeServer Fake => _fake;

    public override async Task InitializeAsync()
    {
        _fake = await FakeAzureDevOps.StartAsync();
        _fake.AddToken(Token, new FakeIdentity(OurId));
        _fake.AddToken(ReadOnlyToken, new FakeIdentity("5d1a2b3c-0000-0000-0000-000000000003", CanWrite: false));
    }

    protected override IReportPlatform Platform(string token, int pullRequest, TimeSpan? maxRateLimitWait = null) =>
        new AzureDevOpsPlatform(new AzureDevOpsPullRequest(_fake.CollectionUrl, "Fabrikam", "web", pullRequest), token,
            new PlatformOptions { MaxRateLimitWait = maxRateLimitWait ?? TimeSpan.FromSeconds(60) });

    protected override void Seed(int pullRequest, string authorId, string body) => _fake.AddThread(pullRequest, authorId, body);

    protected override IReadOnlyList<string> Bodies(int pullRequest) =>
        _fake.ThreadsOf(pullRequest).Where(t => t["comments"]![0]!["isDeleted"]?.GetValue<bool>() != true).Select(FakeAzureDevOps.ContentOf).ToList();

    protected override void SetPageSize(int size) => _fake.PageSize = size;

    protected override IReadOnlyList<(string State, string Name, string? Description)> Statuses() =>
        _fake.Statuses.Select(s => (s["state"]!.GetValue<string>(), $"{s["context"]!["genre"]}/{s["context"]!["name"]}", s["description"]?.GetValue<string>())).ToList();

    protected override string StateWord(GateState state) => state switch
    {
        GateState.Success => "succeeded",
        GateState.Failure => "failed",
        _ => "pending",
    };

    [Fact]
    public async Task TheReportThread_IsCreatedClosed_SoItNeverBlocksCompletion()
    {
        var publisher = new ReportPublisher(Platform(Token, 30));

        await publisher.PublishAsync(await publisher.FindAsync(Marker), Marker + "\nnumbers", CommentMode.Update);

        Assert.Equal("closed", _fake.ThreadsOf(30).Single()["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task MarkerLookup_PassesTheContinuationTokenBack()
    {
        _fake.PageSize = 1;
        Seed(31, OtherId, "a person's comment");
        Seed(31, OtherId, "another");

        await new ReportPublisher(Platform(Token, 31)).FindAsync(Marker);

        var lists = _fake.Requests.Where(r => r.StartsWith("GET ", StringComparison.Ordinal) && r.Contains("/pullRequests/31/threads", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lists.Count);
        Assert.Contains("continuationToken=1", lists[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gate_IsAPullRequestStatusPointingAtTheReport()
    {
        var status = ReportGate.Decide(new[] { Klinky.Testing.GateCases.Worse() }, "checkout", "https://dev.azure.com/fabrikam/Fabrikam/_git/web/pullrequest/32?discussionId=101");

        await Platform(Token, 32).SetStatusAsync(status, CancellationToken.None);

        var set = _fake.Statuses[^1];
        Assert.Equal(32, set["pullRequestId"]!.GetValue<int>());
        Assert.Equal(status.TargetUrl, set["targetUrl"]!.GetValue<string>());
    }
}
