using System.Text.Json.Nodes;
using Klinky.Publishing.GitHub;
using Klinky.Ci;
using Klinky.Testing;

namespace Klinky.Publishing.Tests.GitHub;

/// <summary>Which pull request the action comments on, from GitHub's real event payloads (CI detection itself is Core's).</summary>
public sealed class PullRequestContextTests
{
    private const string EventPath = "/github/workflow/event.json";

    private static string Fixture(string name) => GitHubEvents.Read(name);

    private static CiContext Read(string eventName, string payload, string repository = "Codertocat/Hello-World", string reference = "refs/heads/main")
    {
        var env = new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_EVENT_NAME"] = eventName,
            ["GITHUB_EVENT_PATH"] = EventPath,
            ["GITHUB_REPOSITORY"] = repository,
            ["GITHUB_REF"] = reference,
            ["GITHUB_SHA"] = "1111111111111111111111111111111111111111",
            ["GITHUB_API_URL"] = "http://127.0.0.1:1/api/v3/",
        };
        return CiContextReader.Read(env, path => path == EventPath ? payload : throw new FileNotFoundException(path));
    }

    // The action's rule: the pr-number input, else the event's pull request.
    private static PullRequestRef? Target(CiContext context, int? prNumberInput = null) =>
        PullRequestRef.For(context.Repository, prNumberInput ?? context.PullRequestNumber);

    private static string ForkOf(string fixture) => GitHubEvents.Edit(fixture, root =>
    {
        var head = root["pull_request"]!["head"]!["repo"]!.AsObject();
        head["full_name"] = "forker/Hello-World";
        head["fork"] = true;
    });

    [Theory]
    [InlineData("pull_request.opened")]
    [InlineData("pull_request.synchronize")]
    public void PullRequestEvent_CommentsOnItsPullRequest_AtTheHeadCommit(string fixture)
    {
        var context = Read("pull_request", Fixture(fixture), reference: "refs/pull/2/merge");

        Assert.Equal(new PullRequestRef("Codertocat", "Hello-World", 2), Target(context));
        Assert.Equal("ec26c3e57ca3a959ca5aad62de7213c562f8c821", context.Commit);
        Assert.False(context.IsForkPullRequest);
    }

    [Fact]
    public void ForksPullRequest_IsRecognised_SoA403BecomesAWarning()
    {
        var context = Read("pull_request", ForkOf("pull_request.synchronize"), reference: "refs/pull/2/merge");

        Assert.True(context.IsForkPullRequest);
        Assert.Equal(2, Target(context)!.Number);
    }

    [Fact]
    public void PullRequestTarget_OfAFork_StillCommentsOnThePullRequest()
    {
        var context = Read("pull_request_target", ForkOf("pull_request.opened"));

        Assert.Equal(new PullRequestRef("Codertocat", "Hello-World", 2), Target(context));
        Assert.Equal("ec26c3e57ca3a959ca5aad62de7213c562f8c821", context.Commit);
    }

    [Fact]
    public void WorkflowRun_WithEmptyPullRequests_NeedsThePrNumberInput()
    {
        var context = Read("workflow_run", Fixture("workflow_run.completed"), "octo-org/octo-repo");

        Assert.Null(Target(context));
        Assert.Equal(new PullRequestRef("octo-org", "octo-repo", 17), Target(context, 17));
    }

    [Fact]
    public void WorkflowRun_ListingItsPullRequest_CommentsThere()
    {
        var context = Read("workflow_run", Fixture("workflow_run.completed.with-pull-requests"), "octo-org/octo-repo");

        // The fixture's workflow_run.pull_requests lists #2 only.
        Assert.Equal(new PullRequestRef("octo-org", "octo-repo", 2), Target(context));
    }

    [Theory]
    [InlineData("push", "push")]
    [InlineData("workflow_dispatch", "workflow_dispatch")]
    public void PushAndDispatch_HaveNoPullRequest_UnlessGiven(string eventName, string fixture)
    {
        var context = Read(eventName, Fixture(fixture));

        Assert.Null(Target(context));
        Assert.Equal(5, Target(context, 5)!.Number);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("no-slash")]
    [InlineData("a/b/c")]
    [InlineData("/b")]
    public void GitHubRepository_TryParse_NeedsOwnerAndName(string? repository) =>
        Assert.Null(GitHubRepository.TryParse(repository));

    [Fact]
    public void For_WithoutANumber_IsNull() =>
        Assert.Null(PullRequestRef.For("a/b", null));

    [Fact]
    public void GitHubRepository_PullRequest_KeepsOwnerAndName() =>
        Assert.Equal("a/b#3", GitHubRepository.TryParse("a/b")!.PullRequest(3).ToString());
}
