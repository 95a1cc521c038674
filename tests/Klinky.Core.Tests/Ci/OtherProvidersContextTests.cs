using Klinky.Ci;

namespace Klinky.Tests.Ci;

public sealed class OtherProvidersContextTests
{
    [Fact]
    public void Read_AzurePipelinesPullRequest_TakesSourceBranchSourceCommitAndRunUrl()
    {
        var env = new Dictionary<string, string?>
        {
            ["TF_BUILD"] = "True",
            ["BUILD_REASON"] = "PullRequest",
            ["SYSTEM_PULLREQUEST_PULLREQUESTNUMBER"] = "42",
            ["SYSTEM_PULLREQUEST_PULLREQUESTID"] = "987654",
            ["SYSTEM_PULLREQUEST_SOURCEBRANCH"] = "refs/heads/feature/Login_Page",
            ["SYSTEM_PULLREQUEST_SOURCECOMMITID"] = "abcdef1234567890abcdef1234567890abcdef12",
            ["SYSTEM_PULLREQUEST_ISFORK"] = "False",
            ["BUILD_SOURCEBRANCH"] = "refs/pull/42/merge",
            ["BUILD_SOURCEBRANCHNAME"] = "merge",
            ["BUILD_SOURCEVERSION"] = "2222222222222222222222222222222222222222",
            ["SYSTEM_COLLECTIONURI"] = "https://dev.azure.com/contoso/",
            ["SYSTEM_TEAMPROJECT"] = "Web Shop",
            ["BUILD_BUILDID"] = "1234",
            ["BUILD_REPOSITORY_NAME"] = "contoso/webshop",
        };

        var context = CiContextReader.Read(env);

        Assert.Equal(CiProvider.AzurePipelines, context.Provider);
        Assert.Equal(42, context.PullRequestNumber);
        Assert.Equal("feature/Login_Page", context.Branch);
        Assert.Equal("abcdef1234567890abcdef1234567890abcdef12", context.Commit);
        Assert.Equal("https://dev.azure.com/contoso/Web%20Shop/_build/results?buildId=1234", context.RunUrl);
        Assert.Equal("contoso/webshop", context.Repository);
        Assert.Equal("PullRequest", context.EventName);
        Assert.False(context.IsForkPullRequest);
    }

    [Fact]
    public void Read_AzureReposPullRequest_FallsBackToPullRequestIdAndSourceVersion()
    {
        var env = new Dictionary<string, string?>
        {
            ["TF_BUILD"] = "True",
            ["SYSTEM_PULLREQUEST_PULLREQUESTID"] = "17",
            ["SYSTEM_PULLREQUEST_SOURCEBRANCH"] = "refs/heads/fix/typo",
            ["SYSTEM_PULLREQUEST_ISFORK"] = "True",
            ["BUILD_SOURCEVERSION"] = "2222222222222222222222222222222222222222",
        };

        var context = CiContextReader.Read(env);

        Assert.Equal(17, context.PullRequestNumber);
        Assert.Equal("fix/typo", context.Branch);
        Assert.Equal("2222222222222222222222222222222222222222", context.Commit);
        Assert.True(context.IsForkPullRequest);
        Assert.Null(context.RunUrl);
    }

    [Fact]
    public void Read_AzureBranchBuild_KeepsTheWholeBranchPath()
    {
        var env = new Dictionary<string, string?>
        {
            ["TF_BUILD"] = "True",
            ["BUILD_SOURCEBRANCH"] = "refs/heads/feature/Login_Page",
            ["BUILD_SOURCEBRANCHNAME"] = "Login_Page",
            ["BUILD_SOURCEVERSION"] = "3333333333333333333333333333333333333333",
        };

        var context = CiContextReader.Read(env);

        Assert.Null(context.PullRequestNumber);
        Assert.Equal("feature/Login_Page", context.Branch);
        Assert.Equal("3333333333333333333333333333333333333333", context.Commit);
    }

    [Fact]
    public void Read_GitLabMergeRequest_TakesIidSourceBranchAndPipelineUrl()
    {
        var env = new Dictionary<string, string?>
        {
            ["CI"] = "true",
            ["GITLAB_CI"] = "true",
            ["CI_PIPELINE_SOURCE"] = "merge_request_event",
            ["CI_MERGE_REQUEST_IID"] = "5",
            ["CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"] = "feature/Login_Page",
            ["CI_MERGE_REQUEST_SOURCE_PROJECT_ID"] = "100",
            ["CI_MERGE_REQUEST_PROJECT_ID"] = "200",
            ["CI_COMMIT_REF_NAME"] = "feature/Login_Page",
            ["CI_COMMIT_SHA"] = "4444444444444444444444444444444444444444",
            ["CI_PIPELINE_URL"] = "https://gitlab.com/group/shop/-/pipelines/777",
            ["CI_PROJECT_PATH"] = "group/shop",
            ["CI_SERVER_URL"] = "https://gitlab.com",
            ["CI_API_V4_URL"] = "https://gitlab.com/api/v4",
        };

        var context = CiContextReader.Read(env);

        Assert.Equal(CiProvider.GitLabCi, context.Provider);
        Assert.Equal(5, context.PullRequestNumber);
        Assert.Equal("feature/Login_Page", context.Branch);
        Assert.Equal("4444444444444444444444444444444444444444", context.Commit);
        Assert.Equal("https://gitlab.com/group/shop/-/pipelines/777", context.RunUrl);
        Assert.Equal("group/shop", context.Repository);
        Assert.True(context.IsForkPullRequest);
        Assert.Equal("https://gitlab.com/api/v4", context.ApiUrl);
    }

    [Fact]
    public void Read_GitLabBranchPipeline_TakesRefName()
    {
        var env = new Dictionary<string, string?>
        {
            ["GITLAB_CI"] = "true",
            ["CI_COMMIT_REF_NAME"] = "main",
            ["CI_COMMIT_SHA"] = "5555555555555555555555555555555555555555",
            ["CI_MERGE_REQUEST_IID"] = "",
        };

        var context = CiContextReader.Read(env);

        Assert.Null(context.PullRequestNumber);
        Assert.Equal("main", context.Branch);
        Assert.False(context.IsForkPullRequest);
    }

    [Fact]
    public void Read_CiTrueWithoutKnownProvider_IsGenericWithNothingElse()
    {
        var context = CiContextReader.Read(new Dictionary<string, string?> { ["CI"] = "true", ["GITHUB_SHA"] = "abc" });

        Assert.Equal(CiProvider.Generic, context.Provider);
        Assert.Null(context.Branch);
        Assert.Null(context.Commit);
        Assert.Null(context.PullRequestNumber);
    }

    [Theory]
    [InlineData("GITHUB_ACTIONS", "false")]
    [InlineData("CI", "")]
    [InlineData("PATH", "/usr/bin")]
    public void Read_NoCiVariables_IsNone(string name, string value)
    {
        var context = CiContextReader.Read(new Dictionary<string, string?> { [name] = value });

        Assert.Equal(CiProvider.None, context.Provider);
        Assert.Same(CiContext.None, context);
    }

    [Fact]
    public void FromProcessEnvironment_VariablesAsTheProcessGivesThem_AreReadWhateverTheCaseOfTheirNames()
    {
        // What FromProcessEnvironment does with the process's variables, given a table of our own: the process's
        // environment is left alone (a test that changed it would change it for every test running meanwhile).
        var variables = new System.Collections.Hashtable
        {
            ["github_actions"] = "true",
            ["GITHUB_REPOSITORY"] = "octo-org/process-env",
            ["Github_Sha"] = "0123456789abcdef0123456789abcdef01234567",
            ["GITHUB_EVENT_NAME"] = "push",
            ["GITHUB_REF"] = "refs/heads/process-env",
            ["GITHUB_REF_NAME"] = "process-env",
            ["GITHUB_EVENT_PATH"] = Path.Combine(Path.GetTempPath(), "klinky-no-such-event-" + Guid.NewGuid().ToString("N") + ".json"),
        };

        var context = CiContextReader.Read(ProcessEnvironment.ToDictionary(variables, StringComparer.OrdinalIgnoreCase));

        Assert.Equal(CiProvider.GitHubActions, context.Provider);
        Assert.Equal("octo-org/process-env", context.Repository);
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", context.Commit);
        Assert.Equal("process-env", context.Branch);
        Assert.Equal("push", context.EventName);
    }
}
