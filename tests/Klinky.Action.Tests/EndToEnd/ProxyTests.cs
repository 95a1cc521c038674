using System.Globalization;
using Klinky.Testing;

namespace Klinky.Action.Tests.EndToEnd;

/// <summary>
/// The action run as a process with HTTP_PROXY in its environment: Klinky's and GitHub's (Octokit's) traffic both go
/// through the proxy and are counted there; NO_PROXY exempts a host; a refusing proxy is an annotation naming it.
/// </summary>
[Collection(ActionEndToEndCollection.Name)]
public sealed class ProxyTests
{
    private const string ProxyPassword = "pr0xy-s3cret-pw";
    private readonly ActionEndToEndFixture _fixture;

    public ProxyTests(ActionEndToEndFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task HttpProxyVariable_CarriesKlinkyAndGitHubTraffic_EveryRequestCountedAtTheProxy()
    {
        const int pr = 4301;
        await _fixture.CreateLinkAsync("e2e-proxy-a", clicks: 1);
        await using var proxy = LocalForwardProxy.Start();
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-proxy-a");
        sandbox.Environment["HTTP_PROXY"] = proxy.Uri.ToString();
        _fixture.GitHub.ClearRequests();

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        // The budget read is free but travels through the proxy like every other request.
        Assert.Equal(KlinkyRequestsOf(sandbox) + 1, proxy.ForwardedTo(_fixture.Emulator.RootUrl));
        Assert.Equal(3, _fixture.GitHub.Requests.Count);
        Assert.Equal(3, proxy.ForwardedTo(_fixture.GitHub.ApiUrl));
        Assert.Single(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr));
    }

    [Fact]
    public async Task HttpProxyVariable_WithCredentials_AuthenticatesBothClients()
    {
        const int pr = 4302;
        await _fixture.CreateLinkAsync("e2e-proxy-b", clicks: 1);
        await using var proxy = LocalForwardProxy.RequireCredentials("ci-bot", ProxyPassword);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-proxy-b");
        sandbox.Environment["HTTP_PROXY"] = $"http://ci-bot:{ProxyPassword}@127.0.0.1:{proxy.Uri.Port}";

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(KlinkyRequestsOf(sandbox) + 1, proxy.ForwardedTo(_fixture.Emulator.RootUrl));
        Assert.Equal(3, proxy.ForwardedTo(_fixture.GitHub.ApiUrl));
        Assert.DoesNotContain(ProxyPassword, result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProxyRefusingTheCredentials_KlinkyErrorAnnotationNamesTheProxy_NeverThePassword_ExitsOne()
    {
        const int pr = 4303;
        await using var proxy = LocalForwardProxy.RequireCredentials("ci-bot", "the-right-one");
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-proxy-none");
        sandbox.Environment["HTTP_PROXY"] = $"http://ci-bot:{ProxyPassword}@127.0.0.1:{proxy.Uri.Port}";

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        var error = Assert.Single(result.Stdout.Split('\n'), l => l.StartsWith("::error", StringComparison.Ordinal));
        Assert.Contains(proxy.Uri.ToString(), error, StringComparison.Ordinal);
        Assert.Contains("407", error, StringComparison.Ordinal);
        Assert.DoesNotContain(ProxyPassword, result.ToString(), StringComparison.Ordinal);
        FailureTests.AssertSecretOnlyMasked(result, _fixture.Emulator.ApiKey);
        Assert.Empty(proxy.Forwarded);
    }

    [Fact]
    public async Task MalformedProxyVariable_IsAnInputError_NamingTheVariableNotItsValue_BeforeAnyRequest()
    {
        const int pr = 4305;
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-proxy-none");
        sandbox.Environment["HTTP_PROXY"] = $"http://ci-bot:{ProxyPassword}@proxy host:3128";
        var before = await _fixture.RemainingAsync();

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 2, result.ToString());
        var error = Assert.Single(result.Stdout.Split('\n'), l => l.StartsWith("::error", StringComparison.Ordinal));
        Assert.Contains("title=Invalid input", error, StringComparison.Ordinal);
        Assert.Contains("HTTP_PROXY", error, StringComparison.Ordinal);
        Assert.DoesNotContain("KlinkyValidationException", error, StringComparison.Ordinal);
        Assert.DoesNotContain(ProxyPassword, result.ToString(), StringComparison.Ordinal);
        Assert.Equal(before - 1, await _fixture.RemainingAsync()); // the second reading is the only request
        Assert.Empty(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr));
    }

    [Fact]
    public async Task NoProxyVariable_ExemptsKlinky_GitHubThroughARefusingProxy_CommentErrorNamesTheProxy_SummaryKept()
    {
        const int pr = 4304;
        await _fixture.CreateLinkAsync("e2e-proxy-c", clicks: 1);
        await using var proxy = LocalForwardProxy.RequireCredentials("ci-bot", ProxyPassword);
        using var sandbox = _fixture.Sandbox(pr, _fixture.UserToken).WithInput("links", "e2e-proxy-c");
        sandbox.Environment["HTTP_PROXY"] = proxy.Uri.ToString();
        sandbox.Environment["NO_PROXY"] = "127.0.0.1:" + _fixture.Emulator.Port.ToString(CultureInfo.InvariantCulture);

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Equal(0, proxy.ForwardedTo(_fixture.Emulator.RootUrl));
        var error = Assert.Single(result.Stdout.Split('\n'), l => l.StartsWith("::error", StringComparison.Ordinal));
        Assert.Contains($"Could not comment on {RunnerSandbox.Repository}#{pr}", error, StringComparison.Ordinal);
        Assert.Contains(proxy.Uri.ToString(), error, StringComparison.Ordinal);
        Assert.Contains("e2e-proxy-c", sandbox.ReadSummary(), StringComparison.Ordinal);
        Assert.Empty(_fixture.GitHub.Comments(RunnerSandbox.Repository, pr));
    }

    /// <summary>The Klinky requests the action spent, as its report file records them (2 for a slug: lookup and statistics).</summary>
    private static long KlinkyRequestsOf(RunnerSandbox sandbox)
    {
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(sandbox.RunnerTemp, sandbox.ReadOutputs()["report-path"])));
        var spent = report.RootElement.GetProperty("klinky_requests").GetInt64();
        Assert.True(spent > 0);
        return spent;
    }
}
