using Klinky.Action.Inputs;
using Klinky.Publishing;
using Klinky.Reporting;

namespace Klinky.Action.Tests.Inputs;

public sealed class ActionInputsParserTests
{
    private static Dictionary<string, string?> Env(params (string Name, string Value)[] inputs)
    {
        // As the runner does: every declared input is present, empty when not given.
        var env = new Dictionary<string, string?>
        {
            ["INPUT_API-KEY"] = "klinky_live_abc",
            ["INPUT_BASE-URL"] = "",
            ["INPUT_GITHUB-TOKEN"] = "",
            ["INPUT_LINKS"] = "home-test",
            ["INPUT_SLUG-PREFIX"] = "",
            ["INPUT_MANIFEST"] = "",
            ["INPUT_COMMENT-KEY"] = "",
            ["INPUT_COMMENT-MODE"] = "",
            ["INPUT_CHART"] = "",
            ["INPUT_JOB-SUMMARY"] = "",
            ["INPUT_FAIL-ON-COMMENT-ERROR"] = "",
            ["INPUT_PR-NUMBER"] = "",
            ["INPUT_NO-PULL-REQUEST"] = "",
            ["INPUT_ON-CLOSE"] = "",
            ["INPUT_GITHUB-RATE-LIMIT-WAIT"] = "",
        };
        foreach (var (name, value) in inputs)
        {
            env[ActionInputsParser.VariableName(name)] = value;
        }

        return env;
    }

    [Fact]
    public void VariableName_KeepsHyphens_UpperCases_TurnsSpacesIntoUnderscores()
    {
        Assert.Equal("INPUT_GITHUB-TOKEN", ActionInputsParser.VariableName("github-token"));
        Assert.Equal("INPUT_MY_INPUT", ActionInputsParser.VariableName("my input"));
    }

    [Fact]
    public void Parse_EmptyStrings_MeanDefaults()
    {
        var inputs = ActionInputsParser.Parse(Env());

        Assert.Equal(KlinkyClientOptions.DefaultBaseUrl, inputs.BaseUrl);
        Assert.Null(inputs.GitHubToken);
        Assert.Equal("default", inputs.CommentKey);
        Assert.Equal(CommentMode.Update, inputs.CommentMode);
        Assert.Equal(ReportChart.Both, inputs.Chart);
        Assert.True(inputs.JobSummary);
        Assert.False(inputs.FailOnCommentError);
        Assert.Null(inputs.PullRequestNumber);
        Assert.Null(inputs.SlugPrefix);
        Assert.Null(inputs.Manifest);
        Assert.Equal(NoPullRequestMode.Summary, inputs.NoPullRequest);
        Assert.Equal(OnCloseMode.Deactivate, inputs.OnClose);
        Assert.Equal(TimeSpan.FromSeconds(60), inputs.GitHubRateLimitWait);
    }

    [Theory]
    [InlineData("commit-comment", "CommitComment")]
    [InlineData("Commit-Comment", "CommitComment")]
    [InlineData("fail", "Fail")]
    [InlineData("summary", "Summary")]
    public void Parse_NoPullRequest_TakesTheKebabSpellings(string value, string expected) =>
        Assert.Equal(Enum.Parse<NoPullRequestMode>(expected), ActionInputsParser.Parse(Env(("no-pull-request", value))).NoPullRequest);

    [Fact]
    public void Parse_StaleReportCloseAndWaitInputs()
    {
        var inputs = ActionInputsParser.Parse(Env(("comment-mode", "hide"), ("on-close", "delete"), ("github-rate-limit-wait", "0")));

        Assert.Equal(CommentMode.Hide, inputs.CommentMode);
        Assert.Equal(OnCloseMode.Delete, inputs.OnClose);
        Assert.Equal(TimeSpan.Zero, inputs.GitHubRateLimitWait);
        Assert.Equal(CommentMode.Delete, ActionInputsParser.Parse(Env(("comment-mode", "delete"))).CommentMode);
    }

    [Fact]
    public void Parse_EnumError_ListsTheKebabSpellings()
    {
        var ex = Assert.Throws<ActionInputException>(() => ActionInputsParser.Parse(Env(("no-pull-request", "commitcomment"))));

        Assert.Equal("Input 'no-pull-request' must be one of summary, commit-comment, fail; got 'commitcomment'", ex.Message);
    }

    [Fact]
    public void Parse_ApiKeyUnderAnUnderscoredName_SaysInputsKeepTheirHyphens()
    {
        var env = Env(("api-key", ""));
        env["INPUT_API_KEY"] = "klinky_live_secret_value";

        var ex = Assert.Throws<ActionInputException>(() => ActionInputsParser.Parse(env));

        Assert.Equal("Input 'api-key' is required and was not supplied: INPUT_API_KEY is set, but inputs keep their hyphens: INPUT_API-KEY", ex.Message);
        Assert.DoesNotContain("secret_value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ApiKeyMissing_NamesTheVariableTheRunnerSets()
    {
        var env = Env();
        env.Remove("INPUT_API-KEY");

        var ex = Assert.Throws<ActionInputException>(() => ActionInputsParser.Parse(env));

        Assert.StartsWith("Input 'api-key' is required and was not supplied: the runner passes it as INPUT_API-KEY (", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Links_SplitOnCommasAndNewlines_TrimmedAndDeduplicated()
    {
        var inputs = ActionInputsParser.Parse(Env(("links", " a-link,b-link\r\n\n c-link ,a-link,")));

        Assert.Equal(new[] { "a-link", "b-link", "c-link" }, inputs.Links);
    }

    [Theory]
    [InlineData("0.1", 0.1)]
    [InlineData("10%", 0.1)]
    [InlineData("+25%", 0.25)]
    [InlineData("1.5", 1.5)]
    public void Parse_MinimumEffect_ReadsAFractionOrAPercentage(string value, double expected)
    {
        Assert.Equal(expected, ActionInputsParser.Parse(Env(("minimum-effect", value))).MinimumEffect!.Value, 12);
    }

    [Fact]
    public void Parse_NoMinimumEffect_KeepsTheStatsOwn()
    {
        Assert.Null(ActionInputsParser.Parse(Env()).MinimumEffect);
    }

    [Fact]
    public void Parse_ReadsEveryGivenValue()
    {
        var inputs = ActionInputsParser.Parse(Env(
            ("base-url", "http://127.0.0.1:5000/api/v1"), ("github-token", "ghs_x"), ("slug-prefix", "pr-7-"), ("manifest", "**/m.json"),
            ("comment-key", "web.v2"), ("comment-mode", "Recreate"), ("chart", "TEXT"), ("job-summary", "False"),
            ("fail-on-comment-error", "TRUE"), ("pr-number", "42")));

        Assert.Equal("http://127.0.0.1:5000/api/v1", inputs.BaseUrl);
        Assert.Equal("ghs_x", inputs.GitHubToken);
        Assert.Equal("pr-7-", inputs.SlugPrefix);
        Assert.Equal("**/m.json", inputs.Manifest);
        Assert.Equal("web.v2", inputs.CommentKey);
        Assert.Equal(CommentMode.Recreate, inputs.CommentMode);
        Assert.Equal(ReportChart.Text, inputs.Chart);
        Assert.False(inputs.JobSummary);
        Assert.True(inputs.FailOnCommentError);
        Assert.Equal(42, inputs.PullRequestNumber);
    }

    [Theory]
    [InlineData("api-key", "", "api-key")]
    [InlineData("api-key", "   ", "api-key")]
    [InlineData("chart", "pie", "chart")]
    [InlineData("chart", "1", "chart")]
    [InlineData("comment-mode", "append", "comment-mode")]
    [InlineData("job-summary", "yes", "job-summary")]
    [InlineData("fail-on-comment-error", "1", "fail-on-comment-error")]
    [InlineData("pr-number", "0", "pr-number")]
    [InlineData("pr-number", "-3", "pr-number")]
    [InlineData("pr-number", "#12", "pr-number")]
    [InlineData("base-url", "klinky.io", "base-url")]
    [InlineData("comment-key", "x-->", "comment-key")]
    [InlineData("comment-key", "has space", "comment-key")]
    [InlineData("comment-key", "pr-1-", "comment-key")]
    [InlineData("comment-key", "a--b", "comment-key")]
    [InlineData("no-pull-request", "comment", "no-pull-request")]
    [InlineData("on-close", "close", "on-close")]
    [InlineData("github-rate-limit-wait", "-1", "github-rate-limit-wait")]
    [InlineData("github-rate-limit-wait", "1.5", "github-rate-limit-wait")]
    [InlineData("github-rate-limit-wait", "3601", "github-rate-limit-wait")]
    [InlineData("minimum-effect", "0", "minimum-effect")]
    [InlineData("minimum-effect", "ten", "minimum-effect")]
    [InlineData("minimum-effect", "0.5%", "minimum-effect")]
    [InlineData("minimum-effect", "-0.1", "minimum-effect")]
    public void Parse_InvalidValue_ThrowsNamingTheInput(string name, string value, string expectedInput)
    {
        var ex = Assert.Throws<ActionInputException>(() => ActionInputsParser.Parse(Env((name, value))));

        Assert.Equal(expectedInput, ex.InputName);
        Assert.StartsWith($"Input '{expectedInput}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoLinksPrefixOrManifest_IsValid_TheDefaultSelectionThenApplies()
    {
        var inputs = ActionInputsParser.Parse(Env(("links", " \n, ")));

        Assert.Empty(inputs.Links);
        Assert.Null(inputs.SlugPrefix);
        Assert.Null(inputs.Manifest);
    }

    [Fact]
    public void Parse_InvalidApiKeyMessage_NeverEchoesAValue()
    {
        var ex = Assert.Throws<ActionInputException>(() => ActionInputsParser.Parse(Env(("api-key", ""))));

        Assert.DoesNotContain("klinky_live", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BudgetInputs_Defaults_AreTenMinutesAReserveOfTwentyAndANotice()
    {
        var inputs = ActionInputsParser.Parse(Env());

        Assert.Equal(TimeSpan.FromMinutes(10), inputs.RefreshAfter);
        Assert.Equal(20, inputs.BudgetReserve);
        Assert.False(inputs.FailOnStale);
    }

    [Fact]
    public void BudgetInputs_Given_AreRead_DecimalMinutesIncluded()
    {
        var inputs = ActionInputsParser.Parse(Env(("refresh-after", "0.5"), ("budget-reserve", "40"), ("fail-on-stale", "true")));

        Assert.Equal(TimeSpan.FromSeconds(30), inputs.RefreshAfter);
        Assert.Equal(40, inputs.BudgetReserve);
        Assert.True(inputs.FailOnStale);
    }

    [Theory]
    [InlineData("refresh-after", "-1", "refresh-after")]
    [InlineData("refresh-after", "ten", "refresh-after")]
    [InlineData("refresh-after", "1441", "refresh-after")]
    [InlineData("budget-reserve", "-5", "budget-reserve")]
    [InlineData("budget-reserve", "2.5", "budget-reserve")]
    [InlineData("fail-on-stale", "yes", "fail-on-stale")]
    public void BudgetInputs_Invalid_NameTheInputAndTheRule(string name, string value, string named)
    {
        var error = Assert.Throws<ActionInputException>(() => ActionInputsParser.Parse(Env((name, value))));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
    }
}
