using System.Net;
using Klinky.Http;
using Klinky.Testing;
using Klinky.Tests.Integration;

namespace Klinky.Tests.Http;

/// <summary>A client given a proxy sends through it, and a proxy's 407 is an error naming the proxy, never its credentials.</summary>
public class ProxyTests : IClassFixture<EmulatorFixture>
{
    private const string ProxyUser = "alice";
    private const string ProxyPassword = "pr0xy-s3cret-pw";
    private readonly EmulatorFixture _fixture;

    public ProxyTests(EmulatorFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task ExplicitProxy_CarriesEveryRequest_OnePerCall()
    {
        await using var proxy = LocalForwardProxy.Start();
        using var client = _fixture.NewClient(o => o.Proxy = new WebProxy(proxy.Uri));

        var link = await client.Links.CreateAsync(Support.FakeKlinky.ValidCreate("proxied-" + Guid.NewGuid().ToString("N")[..8]));
        await client.Links.GetAsync(link.Id);

        Assert.Equal(2, client.RequestsSent);
        Assert.Equal(2, proxy.ForwardedTo(_fixture.Emulator.RootUrl));
        Assert.StartsWith("POST " + _fixture.Emulator.BaseUrl + "/public/links", proxy.Forwarded[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProxyDemandingCredentials_GivenThem_Forwards()
    {
        await using var proxy = LocalForwardProxy.RequireCredentials(ProxyUser, ProxyPassword);
        using var client = _fixture.NewClient(o => o.Proxy = new WebProxy(proxy.Uri) { Credentials = new NetworkCredential(ProxyUser, ProxyPassword) });

        await client.RateLimits.GetAsync();
        await client.Links.ListAsync();

        Assert.Equal(2, proxy.ForwardedTo(_fixture.Emulator.RootUrl));
    }

    [Fact]
    public async Task ProxyDemandingCredentials_WithoutThem_ThrowsProxyAuthenticationNamingTheProxy_WithoutRetrying()
    {
        await using var proxy = LocalForwardProxy.RequireCredentials(ProxyUser, ProxyPassword);
        var logs = new List<KlinkyRequestLog>();
        using var client = _fixture.NewClient(o =>
        {
            o.Proxy = new WebProxy(proxy.Uri);
            o.OnRequest = logs.Add;
        });

        // A GET is retry-safe, so a transport failure would be retried: a 407 must not be.
        var ex = await Assert.ThrowsAsync<KlinkyProxyAuthenticationException>(() => client.Links.ListAsync());

        Assert.Equal(407, ex.StatusCode);
        Assert.Contains(proxy.Uri.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Contains("none are configured", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("no access for", ex.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, proxy.Rejected);
        Assert.Empty(proxy.Forwarded);
        Assert.Single(logs);
    }

    [Fact]
    public async Task ProxyWithWrongCredentialsInItsAddress_ErrorNamesTheProxy_NeverTheCredentialsOrTheKey()
    {
        await using var proxy = LocalForwardProxy.RequireCredentials(ProxyUser, "the-right-one");
        var logs = new List<KlinkyRequestLog>();
        var address = new UriBuilder(proxy.Uri) { UserName = ProxyUser, Password = ProxyPassword }.Uri;
        using var client = _fixture.NewClient(o =>
        {
            o.Proxy = new WebProxy(proxy.Uri) { Credentials = new NetworkCredential(ProxyUser, ProxyPassword) };
            o.OnRequest = logs.Add;
        });

        var ex = await Assert.ThrowsAsync<KlinkyProxyAuthenticationException>(() => client.Links.ListAsync());

        Assert.Contains(proxy.Uri.ToString(), ex.Message, StringComparison.Ordinal);
        Assert.Contains("refused the credentials", ex.Message, StringComparison.Ordinal);
        AssertNoSecret(ex.ToString() + string.Join("\n", logs), _fixture.Emulator.ApiKey);
        Assert.DoesNotContain(address.UserInfo, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpsTarget_ProxyRefusesTheTunnel_ThrowsProxyAuthentication_WithoutTheAddressCredentials()
    {
        await using var proxy = LocalForwardProxy.RequireCredentials(ProxyUser, "the-right-one");
        var withUserInfo = new UriBuilder(proxy.Uri) { UserName = ProxyUser, Password = ProxyPassword }.Uri;
        using var client = new KlinkyClient(new KlinkyClientOptions
        {
            BaseUrl = "https://klinky.invalid/api/v1",
            ApiKey = _fixture.Emulator.ApiKey,
            Proxy = new WebProxy(withUserInfo) { Credentials = new NetworkCredential(ProxyUser, ProxyPassword) },
            Retry = new KlinkyRetryOptions { MaxRetries = 0 },
        });

        // .NET's own exception for a refused CONNECT quotes the proxy address as configured, user-info and all.
        var ex = await Assert.ThrowsAsync<KlinkyProxyAuthenticationException>(() => client.Links.ListAsync());

        Assert.Contains(proxy.Uri.ToString(), ex.Message, StringComparison.Ordinal);
        AssertNoSecret(ex.ToString(), _fixture.Emulator.ApiKey);
        Assert.True(proxy.Rejected >= 1);
    }

    private static void AssertNoSecret(string shown, string apiKey)
    {
        Assert.DoesNotContain(ProxyPassword, shown, StringComparison.Ordinal);
        Assert.DoesNotContain(apiKey, shown, StringComparison.Ordinal);
    }
}
