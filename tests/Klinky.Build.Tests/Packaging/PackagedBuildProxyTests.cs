using Klinky.Testing;

namespace Klinky.Build.Tests.Packaging;

/// <summary>
/// The packed package in a real <c>dotnet build</c>/<c>dotnet publish</c> whose environment names a proxy: Klinky's
/// requests go through it (counted there and by the emulator), and a refusing proxy is KLINKY010 naming it.
/// </summary>
public sealed class PackagedBuildProxyTests : IClassFixture<ConsoleAppFixture>
{
    private const string ProxyPassword = "pr0xy-s3cret-pw";
    private readonly ConsoleAppFixture _fixture;

    public PackagedBuildProxyTests(ConsoleAppFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Publish_WithHttpProxyVariable_SendsEveryKlinkyRequestThroughTheProxy()
    {
        await using var proxy = LocalForwardProxy.Start();
        var before = await _fixture.RemainingRequestsAsync();

        var result = await _fixture.DotnetAsync("publish", 61, new Dictionary<string, string> { ["HTTP_PROXY"] = proxy.Uri.ToString() });

        Assert.True(result.ExitCode == 0, result.ToString());
        var spent = before - await _fixture.RemainingRequestsAsync();
        Assert.True(spent > 0);
        // Every request, the budget read the hour does not count included: the build reads what is left before spending.
        var budgetReads = proxy.Forwarded.Count(line => line.EndsWith("/public/keys/rate-limit", StringComparison.Ordinal));
        Assert.Equal(1, budgetReads);
        Assert.Equal(spent + budgetReads, proxy.ForwardedTo(_fixture.Emulator.RootUrl));
        Assert.Single(await _fixture.LinksWithSlugAsync("checkout-pr61"));
    }

    [Fact]
    public async Task Build_WithCredentialsInHttpProxy_AuthenticatesAndNeverLogsThePassword()
    {
        await using var proxy = LocalForwardProxy.RequireCredentials("ci-bot", ProxyPassword);
        var binlog = Path.Combine(_fixture.Sample.Directory, "proxy-credentials.binlog");

        var result = await _fixture.DotnetAsync("build", 62, Proxy(proxy, ProxyPassword), "-p:KlinkyRunAfterTargets=Build", "-bl:" + binlog, "-v:diag");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(proxy.ForwardedTo(_fixture.Emulator.RootUrl) > 0);
        Assert.Single(await _fixture.LinksWithSlugAsync("checkout-pr62"));
        Assert.DoesNotContain(ProxyPassword, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(ProxyPassword, await BinaryLog.ReadAsync(binlog), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_ProxyRefusesTheCredentials_FailsWithKlinky010NamingTheProxy_SpendsNothing()
    {
        await using var proxy = LocalForwardProxy.RequireCredentials("ci-bot", "the-right-one");
        var binlog = Path.Combine(_fixture.Sample.Directory, "proxy-refused.binlog");
        var before = await _fixture.RemainingRequestsAsync();

        var result = await _fixture.DotnetAsync("build", 63, Proxy(proxy, ProxyPassword), "-p:KlinkyRunAfterTargets=Build", "-bl:" + binlog);

        Assert.NotEqual(0, result.ExitCode);
        // MSBuild prints an error twice: where it happened and in the summary under "Build FAILED".
        var error = result.Output.Split('\n').First(l => l.Contains("error KLINKY010", StringComparison.Ordinal));
        Assert.Contains(proxy.Uri.ToString(), error, StringComparison.Ordinal);
        Assert.Contains("407", error, StringComparison.Ordinal);
        var log = await BinaryLog.ReadAsync(binlog);
        Assert.Contains("KLINKY010", log, StringComparison.Ordinal);
        foreach (var secret in new[] { ProxyPassword, _fixture.Emulator.ApiKey })
        {
            Assert.DoesNotContain(secret, result.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, log, StringComparison.Ordinal);
        }

        Assert.Empty(proxy.Forwarded);
        await _fixture.AssertNothingSentAsync(before, "checkout-pr63");
    }

    private static Dictionary<string, string> Proxy(LocalForwardProxy proxy, string password) =>
        new() { ["HTTP_PROXY"] = $"http://ci-bot:{password}@127.0.0.1:{proxy.Uri.Port}" };
}
