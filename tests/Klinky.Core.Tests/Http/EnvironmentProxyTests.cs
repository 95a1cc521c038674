using Klinky.Testing;
using Klinky.Tests.Integration;

namespace Klinky.Tests.Http;

/// <summary>Runs alone: it sets HTTP_PROXY and NO_PROXY in this test process, which every client built meanwhile reads.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "process environment";
}

/// <summary>With no proxy in its options, a client sends through the proxy HTTP_PROXY names, unless NO_PROXY names the host.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class EnvironmentProxyTests : IClassFixture<EmulatorFixture>, IDisposable
{
    private static readonly string[] Variables = { "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "NO_PROXY", "no_proxy" };
    private readonly EmulatorFixture _fixture;
    private readonly Dictionary<string, string?> _saved;

    public EnvironmentProxyTests(EmulatorFixture fixture)
    {
        _fixture = fixture;
        _saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        foreach (var variable in Variables)
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task HttpProxyVariable_CarriesEveryRequest()
    {
        await using var proxy = LocalForwardProxy.Start();
        Environment.SetEnvironmentVariable("HTTP_PROXY", proxy.Uri.ToString());
        using var client = _fixture.NewClient();

        await client.Links.ListAsync();
        await client.RateLimits.GetAsync();

        Assert.Equal(2, proxy.ForwardedTo(_fixture.Emulator.RootUrl));
    }

    [Fact]
    public async Task HttpProxyVariable_WithUserInfo_AuthenticatesToTheProxy()
    {
        await using var proxy = LocalForwardProxy.RequireCredentials("ci-bot", "p@ss:word");
        Environment.SetEnvironmentVariable("http_proxy", $"http://ci-bot:{Uri.EscapeDataString("p@ss:word")}@127.0.0.1:{proxy.Uri.Port}");
        using var client = _fixture.NewClient();

        await client.Links.ListAsync();

        Assert.Equal(1, proxy.ForwardedTo(_fixture.Emulator.RootUrl));
    }

    [Fact]
    public async Task HttpProxyVariable_WrongPassword_ThrowsNamingTheProxyWithoutTheUserInfo()
    {
        await using var proxy = LocalForwardProxy.RequireCredentials("ci-bot", "right");
        Environment.SetEnvironmentVariable("HTTP_PROXY", $"http://ci-bot:wrong-pw-123@127.0.0.1:{proxy.Uri.Port}");
        using var client = _fixture.NewClient();

        var ex = await Assert.ThrowsAsync<KlinkyProxyAuthenticationException>(() => client.Links.ListAsync());

        Assert.Contains(proxy.Uri.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-pw-123", ex.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(_fixture.Emulator.ApiKey, ex.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost,127.0.0.1:{port}")]
    [InlineData("*")]
    public async Task NoProxyVariable_NamingTheHost_SendsDirectly(string noProxy)
    {
        await using var proxy = LocalForwardProxy.Start();
        Environment.SetEnvironmentVariable("HTTP_PROXY", proxy.Uri.ToString());
        Environment.SetEnvironmentVariable("NO_PROXY", noProxy.Replace("{port}", _fixture.Emulator.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        using var client = _fixture.NewClient();

        await client.Links.ListAsync();

        Assert.Equal(1, client.RequestsSent);
        Assert.Empty(proxy.Forwarded);
    }

    [Fact]
    public async Task NoProxyVariable_NamingAnotherPort_StillProxies()
    {
        await using var proxy = LocalForwardProxy.Start();
        Environment.SetEnvironmentVariable("HTTP_PROXY", proxy.Uri.ToString());
        Environment.SetEnvironmentVariable("NO_PROXY", "127.0.0.1:1");
        using var client = _fixture.NewClient();

        await client.Links.ListAsync();

        Assert.Equal(1, proxy.ForwardedTo(_fixture.Emulator.RootUrl));
    }

    [Fact]
    public void HttpProxyVariable_NotAnAddress_ErrorNamesTheVariableNotItsValue()
    {
        Environment.SetEnvironmentVariable("HTTP_PROXY", "http://user:s3cret@[bad");

        var ex = Assert.Throws<KlinkyValidationException>(() => _fixture.NewClient());

        Assert.Equal("HTTP_PROXY", Assert.Single(ex.Errors).Field);
        Assert.DoesNotContain("s3cret", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplicitEmptyProxy_IgnoresTheVariables()
    {
        await using var proxy = LocalForwardProxy.Start();
        Environment.SetEnvironmentVariable("HTTP_PROXY", proxy.Uri.ToString());
        using var client = _fixture.NewClient(o => o.Proxy = new System.Net.WebProxy());

        await client.Links.ListAsync();

        Assert.Empty(proxy.Forwarded);
    }

    public void Dispose()
    {
        foreach (var (variable, value) in _saved)
        {
            Environment.SetEnvironmentVariable(variable, value);
        }
    }
}
