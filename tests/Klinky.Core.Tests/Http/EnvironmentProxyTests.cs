using Klinky.Testing;
using Klinky.Tests.Integration;

namespace Klinky.Tests.Http;

/// <summary>
/// With no proxy in its options, a client sends through the proxy HTTP_PROXY names, unless NO_PROXY names the host. Each
/// test gives the client an environment of its own (the process's is left alone, so these run in parallel with the rest).
/// </summary>
public sealed class EnvironmentProxyTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture _fixture;
    private readonly Dictionary<string, string?> _environment = new(StringComparer.Ordinal);

    public EnvironmentProxyTests(EmulatorFixture fixture) => _fixture = fixture;

    private KlinkyClient NewClient(Action<KlinkyClientOptions>? configure = null) => _fixture.NewClient(o =>
    {
        o.Environment = name => _environment.GetValueOrDefault(name);
        configure?.Invoke(o);
    });

    [Fact]
    public async Task HttpProxyVariable_CarriesEveryRequest()
    {
        await using var proxy = LocalForwardProxy.Start();
        Set("HTTP_PROXY", proxy.Uri.ToString());
        using var client = NewClient();

        await client.Links.ListAsync();
        await client.RateLimits.GetAsync();

        Assert.Equal(2, proxy.ForwardedTo(_fixture.Emulator.RootUrl));
    }

    [Fact]
    public async Task HttpProxyVariable_WithUserInfo_AuthenticatesToTheProxy()
    {
        await using var proxy = LocalForwardProxy.RequireCredentials("ci-bot", "p@ss:word");
        Set("http_proxy", $"http://ci-bot:{Uri.EscapeDataString("p@ss:word")}@127.0.0.1:{proxy.Uri.Port}");
        using var client = NewClient();

        await client.Links.ListAsync();

        Assert.Equal(1, proxy.ForwardedTo(_fixture.Emulator.RootUrl));
    }

    [Fact]
    public async Task HttpProxyVariable_WrongPassword_ThrowsNamingTheProxyWithoutTheUserInfo()
    {
        await using var proxy = LocalForwardProxy.RequireCredentials("ci-bot", "right");
        Set("HTTP_PROXY", $"http://ci-bot:wrong-pw-123@127.0.0.1:{proxy.Uri.Port}");
        using var client = NewClient();

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
        Set("HTTP_PROXY", proxy.Uri.ToString());
        Set("NO_PROXY", noProxy.Replace("{port}", _fixture.Emulator.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        using var client = NewClient();

        await client.Links.ListAsync();

        Assert.Equal(1, client.RequestsSent);
        Assert.Empty(proxy.Forwarded);
    }

    [Fact]
    public async Task NoProxyVariable_NamingAnotherPort_StillProxies()
    {
        await using var proxy = LocalForwardProxy.Start();
        Set("HTTP_PROXY", proxy.Uri.ToString());
        Set("NO_PROXY", "127.0.0.1:1");
        using var client = NewClient();

        await client.Links.ListAsync();

        Assert.Equal(1, proxy.ForwardedTo(_fixture.Emulator.RootUrl));
    }

    [Fact]
    public void HttpProxyVariable_NotAnAddress_ErrorNamesTheVariableNotItsValue()
    {
        Set("HTTP_PROXY", "http://user:s3cret@[bad");

        var ex = Assert.Throws<KlinkyValidationException>(() => NewClient());

        Assert.Equal("HTTP_PROXY", Assert.Single(ex.Errors).Field);
        Assert.DoesNotContain("s3cret", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExplicitEmptyProxy_IgnoresTheVariables()
    {
        await using var proxy = LocalForwardProxy.Start();
        Set("HTTP_PROXY", proxy.Uri.ToString());
        using var client = NewClient(o => o.Proxy = new System.Net.WebProxy());

        await client.Links.ListAsync();

        Assert.Empty(proxy.Forwarded);
    }

    private void Set(string name, string value) => _environment[name] = value;
}
