using Klinky.Publishing.Gate;
using Klinky.Publishing.GitLab;
using Klinky.Publishing.Tests.Fakes;

namespace Klinky.Publishing.Tests.GitLab;

/// <summary>The platform contract on the GitLab fake, and what only GitLab does (system notes, statuses on the head commit).</summary>
public sealed class GitLabPlatformTests : PlatformContractTests
{
    private const string HeadCommit = "18f3e63d05582537db6d183d9d557be09e1f90c8";
    private FakeGitLab _fake = null!;

    protected override string Token => "glpat-writer";

    protected override string ReadOnlyToken => "glpat-guest";

    protected override string OurId => "5001";

    protected override string OtherId => "1";

    protected override string PermissionToGrant => "'api' scope";

    protected override FakeServer Fake => _fake;

    public override async Task InitializeAsync()
    {
        _fake = await FakeGitLab.StartAsync();
        _fake.AddToken(Token, new FakeIdentity(OurId));
        _fake.AddToken(ReadOnlyToken, new FakeIdentity("5002", CanWrite: false));
    }

    protected override IReportPlatform Platform(string token, int pullRequest, TimeSpan? maxRateLimitWait = null) =>
        new GitLabPlatform(new GitLabMergeRequest(_fake.ApiUrl, FakeGitLab.ProjectId, pullRequest, HeadCommit), token,
            new PlatformOptions { MaxRateLimitWait = maxRateLimitWait ?? TimeSpan.FromSeconds(60) });

    protected override void Seed(int pullRequest, string authorId, string body) => _fake.AddNote(pullRequest, authorId, body);

    protected override IReadOnlyList<string> Bodies(int pullRequest) => _fake.NotesOf(pullRequest).Select(n => n["body"]!.GetValue<string>()).ToList();

    protected override void SetPageSize(int size) => _fake.PageSize = size;

    protected override IReadOnlyList<(string State, string Name, string? Description)> Statuses() =>
        _fake.Statuses.Select(s => (s["status"]!.GetValue<string>(), s["name"]!.GetValue<string>(), s["description"]?.GetValue<string>())).ToList();

    protected override string StateWord(GateState state) => state switch
    {
        GateState.Success => "success",
        GateState.Failure => "failed",
        _ => "pending",
    };

    [Fact]
    public async Task SystemNotes_AreNeverReports_EvenWithTheMarker()
    {
        _fake.AddNote(40, OurId, Marker + "\nsystem", system: true);

        var existing = await new ReportPublisher(Platform(Token, 40)).FindAsync(Marker);

        Assert.Empty(existing.Ours);
    }

    [Fact]
    public async Task Gate_GoesOnTheMergeRequestsHeadCommit()
    {
        await Platform(Token, 41).SetStatusAsync(ReportGate.Decide(new[] { Klinky.Testing.GateCases.Winning() }, "checkout", null), CancellationToken.None);

        Assert.Equal(HeadCommit, _fake.Statuses[^1]["sha"]!.GetValue<string>());
        Assert.Contains($"POST /api/v4/projects/{FakeGitLab.ProjectId}/statuses/{HeadCommit}", _fake.Requests);
    }
}
