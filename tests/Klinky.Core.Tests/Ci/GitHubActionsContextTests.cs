using System.Text.Json.Nodes;
using Klinky.Ci;
using static Klinky.Tests.Ci.GitHubEventFixtures;

namespace Klinky.Tests.Ci;

public sealed class GitHubActionsContextTests
{
    private const string HeadSha = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
    private const string MergeSha = "1111111111111111111111111111111111111111";

    [Theory]
    [InlineData("pull_request.opened")]
    [InlineData("pull_request.opened.with-organization")]
    [InlineData("pull_request.synchronize")]
    public void Read_PullRequestPayload_TakesNumberBranchAndHeadCommitFromPayloadNotGitHubSha(string fixture)
    {
        var env = GitHubEnvironment("pull_request", "refs/pull/2/merge", ("GITHUB_HEAD_REF", "changes"), ("GITHUB_REF_NAME", "2/merge"));

        var context = CiContextReader.Read(env, Serve(Read(fixture)));

        Assert.Equal(CiProvider.GitHubActions, context.Provider);
        Assert.Equal("Codertocat/Hello-World", context.Repository);
        Assert.Equal(2, context.PullRequestNumber);
        Assert.Equal("changes", context.Branch);
        Assert.Equal(HeadSha, context.Commit);
        Assert.NotEqual(MergeSha, context.Commit);
        Assert.Equal("pull_request", context.EventName);
        Assert.False(context.IsForkPullRequest);
        Assert.Null(context.Tag);
        Assert.Equal("https://github.com/Codertocat/Hello-World/actions/runs/9876543210", context.RunUrl);
        Assert.Equal("https://github.com", context.ServerUrl);
        Assert.Equal("https://api.github.com", context.ApiUrl);
    }

    [Fact]
    public void Read_PullRequestFromFork_IsForkPullRequest()
    {
        var json = Edit("pull_request.opened", root =>
            root["pull_request"]!["head"]!["repo"]!["full_name"] = "someone-else/Hello-World");

        var context = CiContextReader.Read(GitHubEnvironment("pull_request", "refs/pull/2/merge"), Serve(json));

        Assert.True(context.IsForkPullRequest);
        Assert.Equal(2, context.PullRequestNumber);
    }

    [Fact]
    public void Read_PullRequestWhoseForkWasDeleted_IsForkPullRequest()
    {
        var json = Edit("pull_request.opened", root => root["pull_request"]!["head"]!["repo"] = null);

        var context = CiContextReader.Read(GitHubEnvironment("pull_request", "refs/pull/2/merge"), Serve(json));

        Assert.True(context.IsForkPullRequest);
    }

    [Fact]
    public void Read_PullRequestTarget_UsesPayloadHeadRatherThanBaseBranchRef()
    {
        // pull_request_target runs on the base branch: GITHUB_REF and GITHUB_SHA describe main, not the pull request.
        var json = Edit("pull_request.opened", root =>
        {
            root["pull_request"]!["number"] = 42;
            root["pull_request"]!["head"]!["ref"] = "feature/Login_Page";
            root["pull_request"]!["head"]!["repo"]!["full_name"] = "contributor/Hello-World";
            root["pull_request"]!["head"]!["repo"]!["fork"] = true;
        });
        var env = GitHubEnvironment("pull_request_target", "refs/heads/master", ("GITHUB_REF_NAME", "master"), ("GITHUB_HEAD_REF", "feature/Login_Page"));

        var context = CiContextReader.Read(env, Serve(json));

        Assert.Equal("pull_request_target", context.EventName);
        Assert.Equal(42, context.PullRequestNumber);
        Assert.Equal("feature/Login_Page", context.Branch);
        Assert.Equal(HeadSha, context.Commit);
        Assert.True(context.IsForkPullRequest);
    }

    [Fact]
    public void Read_WorkflowRunWithPullRequests_TakesNumberHeadShaAndBranchFromTheRun()
    {
        var env = GitHubEnvironment("workflow_run", "refs/heads/master", ("GITHUB_REPOSITORY", "octo-org/octo-repo"));

        var context = CiContextReader.Read(env, Serve(Read("workflow_run.completed.with-pull-requests")));

        Assert.Equal(2, context.PullRequestNumber);
        Assert.Equal("3484a3fb816e0859fd6e1cea078d76385ff50625", context.Commit);
        Assert.Equal("master", context.Branch);
        Assert.False(context.IsForkPullRequest);
        Assert.Equal("https://github.com/octo-org/octo-repo/actions/runs/9876543210", context.RunUrl);
    }

    [Fact]
    public void Read_WorkflowRunWithoutPullRequests_HasNoPullRequestNumber()
    {
        var env = GitHubEnvironment("workflow_run", "refs/heads/master", ("GITHUB_REPOSITORY", "octo-org/octo-repo"));

        var context = CiContextReader.Read(env, Serve(Read("workflow_run.completed")));

        Assert.Null(context.PullRequestNumber);
        Assert.Equal("3484a3fb816e0859fd6e1cea078d76385ff50625", context.Commit);
    }

    [Fact]
    public void Read_WorkflowRunFromFork_IsForkPullRequest()
    {
        var json = Edit("workflow_run.completed.with-pull-requests", root =>
            root["workflow_run"]!["head_repository"]!["full_name"] = "contributor/octo-repo");
        var env = GitHubEnvironment("workflow_run", "refs/heads/master", ("GITHUB_REPOSITORY", "octo-org/octo-repo"));

        var context = CiContextReader.Read(env, Serve(json));

        Assert.True(context.IsForkPullRequest);
    }

    [Fact]
    public void Read_Push_TakesBranchFromRefAndCommitFromGitHubSha()
    {
        var env = GitHubEnvironment("push", "refs/heads/feature/Login_Page", ("GITHUB_REF_NAME", "feature/Login_Page"));

        var context = CiContextReader.Read(env, Serve(Read("push")));

        Assert.Null(context.PullRequestNumber);
        Assert.Equal("feature/Login_Page", context.Branch);
        Assert.Equal(MergeSha, context.Commit);
        Assert.False(context.IsForkPullRequest);
    }

    [Fact]
    public void Read_TagPush_HasTagAndNoBranch()
    {
        var env = GitHubEnvironment("push", "refs/tags/simple-tag", ("GITHUB_REF_NAME", "simple-tag"));

        var context = CiContextReader.Read(env, Serve(Read("push")));

        Assert.Null(context.Branch);
        Assert.Equal("simple-tag", context.Tag);
    }

    [Fact]
    public void Read_WorkflowDispatch_TakesBranchFromRefName()
    {
        var env = GitHubEnvironment("workflow_dispatch", "refs/heads/master", ("GITHUB_REF_NAME", "master"), ("GITHUB_REPOSITORY", "octo-org/octo-repo"));

        var context = CiContextReader.Read(env, Serve(Read("workflow_dispatch")));

        Assert.Equal("master", context.Branch);
        Assert.Null(context.PullRequestNumber);
        Assert.Equal("octo-org/octo-repo", context.Repository);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[1, 2, 3]")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("{\"pull_request\": {\"number\": \"two\", \"head\": 5}}")]
    public void Read_MalformedPayload_FallsBackToEnvironment(string? json)
    {
        var env = GitHubEnvironment("pull_request", "refs/pull/7/merge", ("GITHUB_HEAD_REF", "fix/typo"));

        var context = CiContextReader.Read(env, Serve(json));

        Assert.Equal(7, context.PullRequestNumber);
        Assert.Equal("fix/typo", context.Branch);
        Assert.Equal(MergeSha, context.Commit);
    }

    [Fact]
    public void Read_PayloadFileMissing_FallsBackToEnvironment()
    {
        var env = GitHubEnvironment("pull_request", "refs/pull/7/merge", ("GITHUB_HEAD_REF", "fix/typo"),
            ("GITHUB_EVENT_PATH", Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "event.json")));

        var context = CiContextReader.Read(env);

        Assert.Equal(7, context.PullRequestNumber);
        Assert.Equal("fix/typo", context.Branch);
    }

    [Fact]
    public void Read_RerunAttempt_LinksToThatAttempt()
    {
        var env = GitHubEnvironment("push", "refs/heads/main", ("GITHUB_RUN_ATTEMPT", "3"));

        var context = CiContextReader.Read(env, Serve(null));

        Assert.Equal("https://github.com/Codertocat/Hello-World/actions/runs/9876543210/attempts/3", context.RunUrl);
    }

    [Fact]
    public void Read_GitHubEnterpriseServer_KeepsItsServerAndApiUrls()
    {
        var env = GitHubEnvironment("push", "refs/heads/main",
            ("GITHUB_SERVER_URL", "https://ghe.example.com/"), ("GITHUB_API_URL", "https://ghe.example.com/api/v3"));

        var context = CiContextReader.Read(env, Serve(null));

        Assert.Equal("https://ghe.example.com", context.ServerUrl);
        Assert.Equal("https://ghe.example.com/api/v3", context.ApiUrl);
        Assert.StartsWith("https://ghe.example.com/Codertocat/Hello-World/actions/runs/", context.RunUrl, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PayloadWithoutEnvironmentRepository_TakesRepositoryFromPayload()
    {
        var env = GitHubEnvironment("pull_request", "refs/pull/2/merge", ("GITHUB_REPOSITORY", null));

        var context = CiContextReader.Read(env, Serve(Read("pull_request.opened")));

        Assert.Equal("Codertocat/Hello-World", context.Repository);
    }

    [Fact]
    public void Read_JsonNodeEdits_LeaveTheSharedFixtureUntouched()
    {
        var before = Read("pull_request.opened");
        _ = Edit("pull_request.opened", root => root["pull_request"] = new JsonObject());
        Assert.Equal(before, Read("pull_request.opened"));
    }
}
