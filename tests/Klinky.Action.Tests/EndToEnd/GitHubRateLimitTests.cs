using System.Globalization;

namespace Klinky.Action.Tests.EndToEnd;

/// <summary>
/// GitHub's rate limits in each documented form (403 or 429; <c>Retry-After</c>, <c>x-ratelimit-remaining: 0</c> with
/// <c>x-ratelimit-reset</c>, or only the message): a short wait is sat out once and the comment still written; a long
/// one is reported as a rate limit with its reset time, never as a missing permission.
/// </summary>
[Collection(ActionEndToEndCollection.Name)]
public sealed class GitHubRateLimitTests
{
    private const string Secondary = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.";
    private readonly ActionEndToEndFixture _fixture;

    public GitHubRateLimitTests(ActionEndToEndFixture fixture) => _fixture = fixture;

    public static TheoryData<int, string, string> ShortLimits => new()
    {
        { 403, Secondary, "retry-after" },
        { 429, Secondary, "retry-after" },
        { 403, "API rate limit exceeded for installation ID 1.", "x-ratelimit-reset" },
        { 429, "API rate limit exceeded for installation ID 1.", "x-ratelimit-reset" },
    };

    [Theory]
    [MemberData(nameof(ShortLimits))]
    public async Task ShortLimit_IsWaitedOutOnce_AndTheCommentWritten(int status, string message, string form)
    {
        var pr = 600 + status % 100 + (form == "retry-after" ? 0 : 50);
        var slug = $"e2e-ghrl-{pr}";
        await _fixture.CreateLinkAsync(slug, clicks: 1);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", slug);
        _fixture.GitHub.ClearRequests();
        _fixture.GitHub.FailNext("POST", $"/issues/{pr}/comments", status, message, Headers(form, TimeSpan.FromSeconds(1)));

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr));
        Assert.Equal(2, _fixture.GitHub.Count("POST", $"/issues/{pr}/comments"));
        Assert.Contains($"::warning title=GitHub rate limit::GitHub's API rate limit was reached ({status}: {message}); waiting", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("::error", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(403, "retry-after")]
    [InlineData(429, "x-ratelimit-reset")]
    public async Task LongLimit_IsAWarningWithTheResetTime_NotAPermission_AndNotRetried(int status, string form)
    {
        var pr = 660 + status % 100;
        var slug = $"e2e-ghrl-long-{pr}";
        await _fixture.CreateLinkAsync(slug, clicks: 1);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", slug);
        _fixture.GitHub.ClearRequests();
        var resetsAt = DateTimeOffset.UtcNow.AddHours(1);
        _fixture.GitHub.FailNext("POST", $"/issues/{pr}/comments", status, Secondary, Headers(form, TimeSpan.FromHours(1)));

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        var warning = Assert.Single(result.Stdout.Split('\n'), l => l.StartsWith("::warning title=Klinky report comment::", StringComparison.Ordinal));
        Assert.Contains($"GitHub's API rate limit was reached ({status}: {Secondary})", warning, StringComparison.Ordinal);
        Assert.Contains("later than the 60 s the run waits", warning, StringComparison.Ordinal);
        AssertResetNear(warning, resetsAt);
        Assert.DoesNotContain("permissions", warning, StringComparison.Ordinal);
        FailureTests.AssertSecretOnlyMasked(result, _fixture.UserToken);
        Assert.Equal(1, _fixture.GitHub.Count("POST", $"/issues/{pr}/comments"));
        Assert.Empty(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr));
    }

    [Fact]
    public async Task MessageOnly_WaitsTheDocumentedMinute_SoASmallerBoundReportsIt()
    {
        const int pr = 670;
        await _fixture.CreateLinkAsync("e2e-ghrl-msg", clicks: 1);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-ghrl-msg").WithInput("github-rate-limit-wait", "5");
        _fixture.GitHub.ClearRequests();
        var resetsAt = DateTimeOffset.UtcNow.AddMinutes(1);
        _fixture.GitHub.FailNext("POST", $"/issues/{pr}/comments", 403, Secondary);

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        var warning = Assert.Single(result.Stdout.Split('\n'), l => l.StartsWith("::warning title=Klinky report comment::", StringComparison.Ordinal));
        Assert.Contains("later than the 5 s the run waits", warning, StringComparison.Ordinal);
        AssertResetNear(warning, resetsAt);
    }

    [Fact]
    public async Task SecondLimitAfterTheWait_IsReported_NotWaitedAgain()
    {
        const int pr = 671;
        await _fixture.CreateLinkAsync("e2e-ghrl-twice", clicks: 1);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-ghrl-twice").WithInput("fail-on-comment-error", "true");
        _fixture.GitHub.ClearRequests();
        _fixture.GitHub.FailNext("POST", $"/issues/{pr}/comments", 403, Secondary, Headers("retry-after", TimeSpan.FromSeconds(1)), times: 2);

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(2, _fixture.GitHub.Count("POST", $"/issues/{pr}/comments"));
        Assert.Contains("::error title=Klinky report comment::Could not comment on Codertocat/Hello-World#671: GitHub's API rate limit was reached", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RateLimitOnTheUserLookup_IsNotTakenForTheBotToken()
    {
        const int pr = 672;
        await _fixture.CreateLinkAsync("e2e-ghrl-user", clicks: 1);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-ghrl-user");
        _fixture.GitHub.ClearRequests();
        _fixture.GitHub.FailNext("GET", "/user", 403, Secondary, Headers("retry-after", TimeSpan.FromSeconds(1)));

        var result = await sandbox.RunAsync();

        // A 403 on /user normally means "installation token, comments as the bot"; a rate limit must not be read so.
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(ActionEndToEndFixture.UserLogin, Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr)).Login);
        Assert.Equal(2, _fixture.GitHub.Count("GET", "/user"));
    }

    private static Dictionary<string, string> Headers(string form, TimeSpan wait) => form == "retry-after"
        ? new() { ["Retry-After"] = ((int)wait.TotalSeconds).ToString(CultureInfo.InvariantCulture) }
        : new()
        {
            ["x-ratelimit-limit"] = "5000",
            ["x-ratelimit-remaining"] = "0",
            ["x-ratelimit-reset"] = (DateTimeOffset.UtcNow + wait).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        };

    private static void AssertResetNear(string message, DateTimeOffset expected)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, @"resets at (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC");
        Assert.True(match.Success, message);
        var actual = DateTimeOffset.ParseExact(match.Groups[1].Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange(actual, expected.AddSeconds(-30), expected.AddSeconds(30));
    }
}
