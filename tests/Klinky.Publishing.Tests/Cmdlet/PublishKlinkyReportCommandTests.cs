using Klinky.Publishing.Tests.Fakes;
using Klinky.Reporting;
using Klinky.Testing;

namespace Klinky.Publishing.Tests.Cmdlet;

/// <summary>
/// Publish-KlinkyReport in a real pwsh, under each platform's own CI variables, against the platform's fake: the
/// platform is detected, a first run posts one report, a second (a new commit) updates it in place, the status is
/// set, and what a refused or impossible write needs is named.
/// </summary>
public sealed class PublishKlinkyReportCommandTests : IClassFixture<CmdletFixture>, IDisposable
{
    private const string Token = "pipeline-token-4711";
    private static readonly string AgentTemp = Directory.CreateTempSubdirectory("klinky-agent-").FullName;
    private readonly CmdletFixture _fixture;

    public PublishKlinkyReportCommandTests(CmdletFixture fixture) => _fixture = fixture;

    public void Dispose()
    {
        if (Directory.Exists(AgentTemp))
        {
            Directory.Delete(AgentTemp, recursive: true);
        }
    }

    private static Dictionary<string, string> AzurePipelines(FakeAzureDevOps fake, string commit, string token) => new()
    {
        ["TF_BUILD"] = "True",
        ["SYSTEM_COLLECTIONURI"] = fake.CollectionUrl,
        ["SYSTEM_TEAMPROJECT"] = "Fabrikam",
        ["BUILD_REPOSITORY_NAME"] = "web",
        ["BUILD_REPOSITORY_ID"] = "web",
        ["BUILD_REASON"] = "PullRequest",
        ["BUILD_BUILDID"] = "812",
        ["SYSTEM_PULLREQUEST_PULLREQUESTID"] = "21",
        ["SYSTEM_PULLREQUEST_SOURCECOMMITID"] = commit,
        ["SYSTEM_ACCESSTOKEN"] = token,
        ["AGENT_TEMPDIRECTORY"] = Directory.CreateDirectory(AgentTemp).FullName,
    };

    private static Dictionary<string, string> GitLabCi(FakeGitLab fake, string commit, string token) => new()
    {
        ["GITLAB_CI"] = "true",
        ["CI_SERVER_URL"] = fake.Root,
        ["CI_API_V4_URL"] = fake.ApiUrl,
        ["CI_PROJECT_ID"] = FakeGitLab.ProjectId,
        ["CI_PROJECT_PATH"] = "shop/web",
        ["CI_PIPELINE_SOURCE"] = "merge_request_event",
        ["CI_MERGE_REQUEST_IID"] = "5",
        ["CI_MERGE_REQUEST_SOURCE_BRANCH_SHA"] = commit,
        ["CI_JOB_TOKEN"] = "job-token-0815",
        ["KLINKY_GITLAB_TOKEN"] = token,
    };

    [Fact]
    public async Task AzurePipelines_FirstRunPostsOneThread_SecondRunUpdatesIt_WithTheStatusAndTheSummaryTab()
    {
        await using var fake = await FakeAzureDevOps.StartAsync();
        fake.AddToken(Token, new FakeIdentity("0a6c1f0e-5c4b-4b6e-9f57-6c7a0bb2b001"));

        var first = await PwshRun.PublishAsync(_fixture, AzurePipelines(fake, "aaaaaaa1111111111111111111111111111111111", Token), "-Status");
        var second = await PwshRun.PublishAsync(_fixture, AzurePipelines(fake, "bbbbbbb2222222222222222222222222222222222", Token), "-Status");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("\"Action\":\"Created\"", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("\"Action\":\"Updated\"", second.Output, StringComparison.Ordinal);
        var thread = Assert.Single(fake.ThreadsOf(21));
        Assert.StartsWith(MarkdownReport.Marker("checkout"), FakeAzureDevOps.ContentOf(thread), StringComparison.Ordinal);
        Assert.Contains("bbbbbbb", FakeAzureDevOps.ContentOf(thread), StringComparison.Ordinal);
        Assert.Equal("closed", thread["status"]!.GetValue<string>());
        Assert.All(fake.Statuses, s => Assert.Equal("pending", s["state"]!.GetValue<string>()));
        Assert.Equal(2, fake.Statuses.Count);
        var summary = Path.Combine(AgentTemp, "klinky-report-checkout.md");
        Assert.Contains("##vso[task.uploadsummary]" + summary, first.Output, StringComparison.Ordinal);
        Assert.StartsWith(MarkdownReport.Marker("checkout"), File.ReadAllText(summary), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, first.Output + first.Errors + second.Output + second.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AzurePipelines_WithoutContributeToPullRequests_NamesThePermission()
    {
        await using var fake = await FakeAzureDevOps.StartAsync();
        fake.AddToken(Token, new FakeIdentity("5d1a2b3c-0000-0000-0000-000000000003", CanWrite: false));

        var run = await PwshRun.PublishAsync(_fixture, AzurePipelines(fake, "ccccccc3333333333333333333333333333333333", Token), "");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Contribute to pull requests", run.Errors, StringComparison.Ordinal);
        Assert.Empty(fake.ThreadsOf(21));
    }

    [Fact]
    public async Task GitLab_FirstRunPostsOneNote_SecondRunUpdatesIt_WithTheCommitStatus()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddToken(Token, new FakeIdentity("5001"));

        var first = await PwshRun.PublishAsync(_fixture, GitLabCi(fake, "ddddddd4444444444444444444444444444444444", Token), "-Status");
        var second = await PwshRun.PublishAsync(_fixture, GitLabCi(fake, "eeeeeee5555555555555555555555555555555555", Token), "-Status");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("\"Action\":\"Created\"", first.Output, StringComparison.Ordinal);
        Assert.Contains("\"Action\":\"Updated\"", second.Output, StringComparison.Ordinal);
        Assert.Contains("eeeeeee", Assert.Single(fake.NotesOf(5))["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(new[] { "ddddddd4444444444444444444444444444444444", "eeeeeee5555555555555555555555555555555555" }, fake.Statuses.Select(s => s["sha"]!.GetValue<string>()));
        Assert.All(fake.Statuses, s => Assert.Equal("klinky/checkout", s["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task GitLab_GivenCiJobToken_SaysItCannotWriteNotes_BeforeAnyRequest()
    {
        await using var fake = await FakeGitLab.StartAsync();

        var run = await PwshRun.PublishAsync(_fixture, GitLabCi(fake, "fffffff6666666666666666666666666666666666", "job-token-0815"), "");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("CI_JOB_TOKEN, which cannot write merge request notes", run.Errors, StringComparison.Ordinal);
        Assert.Contains("'api' scope", run.Errors, StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
        Assert.DoesNotContain("job-token-0815", run.Output + run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhatIf_WritesTheCommentAndTouchesNothing()
    {
        await using var fake = await FakeGitLab.StartAsync();
        fake.AddToken(Token, new FakeIdentity("5001"));

        var run = await PwshRun.PublishAsync(_fixture, GitLabCi(fake, "0000000777777777777777777777777777777777", Token), "-Status -WhatIf");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(MarkdownReport.Marker("checkout"), run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("RESULT ", run.Output, StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }
}
