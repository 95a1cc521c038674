using Klinky.Http;

namespace Klinky.Tests.Http;

/// <summary>How the client reads HTTPS_PROXY/HTTP_PROXY/NO_PROXY: the rules the docs state, pinned without a process environment.</summary>
public class EnvironmentProxyReadingTests
{
    private static readonly Uri Hosted = new("https://klinky-api.fly.dev/api/v1/public/links");
    private static readonly Uri Local = new("http://127.0.0.1:5080/api/v1/public/links");

    [Fact]
    public void Read_NoVariables_IsNull() => Assert.Null(Read());

    [Fact]
    public void GetProxy_HttpsTarget_UsesHttpsProxy_HttpTarget_UsesHttpProxy()
    {
        var proxy = Read(("HTTPS_PROXY", "http://secure.proxy:3128"), ("HTTP_PROXY", "plain.proxy:8080"))!;

        Assert.Equal(new Uri("http://secure.proxy:3128/"), proxy.GetProxy(Hosted));
        Assert.Equal(new Uri("http://plain.proxy:8080/"), proxy.GetProxy(Local));
    }

    [Fact]
    public void GetProxy_OnlyHttpProxySet_HttpsTargetGoesDirect()
    {
        var proxy = Read(("HTTP_PROXY", "http://plain.proxy:8080"))!;

        Assert.True(proxy.IsBypassed(Hosted));
        Assert.Equal(Hosted, proxy.GetProxy(Hosted));
    }

    [Fact]
    public void Read_LowerCaseVariable_WinsOverUpperCase()
    {
        var proxy = Read(("http_proxy", "http://lower:1"), ("HTTP_PROXY", "http://upper:2"))!;

        Assert.Equal(new Uri("http://lower:1/"), proxy.GetProxy(Local));
    }

    [Theory]
    [InlineData("fly.dev", true)]
    [InlineData(".fly.dev", true)]
    [InlineData("*.fly.dev", true)]
    [InlineData("klinky-api.fly.dev:443", true)]
    [InlineData("klinky-api.fly.dev:8443", false)]
    [InlineData("ly.dev", false)]
    [InlineData("example.com, fly.dev", true)]
    [InlineData("*", true)]
    [InlineData("", false)]
    public void IsBypassed_FollowsNoProxy(string noProxy, bool bypassed)
    {
        var proxy = Read(("HTTPS_PROXY", "http://proxy:3128"), ("NO_PROXY", noProxy))!;

        Assert.Equal(bypassed, proxy.IsBypassed(Hosted));
    }

    [Fact]
    public void IsBypassed_Loopback_IsProxiedUnlessListed()
    {
        Assert.False(Read(("HTTP_PROXY", "http://proxy:3128"))!.IsBypassed(Local));
        Assert.True(Read(("HTTP_PROXY", "http://proxy:3128"), ("no_proxy", "localhost,127.0.0.1"))!.IsBypassed(Local));
    }

    [Fact]
    public void Read_UserInfo_BecomesCredentialsForThatProxy_AndLeavesTheAddress()
    {
        var proxy = Read(("HTTPS_PROXY", "http://ci%40corp:p%3Ass@proxy:3128"))!;

        var address = proxy.GetProxy(Hosted)!;
        Assert.Equal("http://proxy:3128/", address.ToString());
        var credential = proxy.Credentials!.GetCredential(address, "Basic");
        Assert.Equal("ci@corp", credential!.UserName);
        Assert.Equal("p:ss", credential.Password);
    }

    private static EnvironmentProxy? Read(params (string Name, string Value)[] variables)
    {
        var values = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return EnvironmentProxy.Read(name => values.TryGetValue(name, out var value) ? value : null);
    }
}
