using Klinky.PowerShell.Hosting;

namespace Klinky.PowerShell.Tests.Hosting;

public sealed class KlinkySessionStateTests
{
    [Fact]
    public void CurrentIn_AnEnvironmentWithAKey_ConnectsToItsBaseUrlWithoutTheProcessEnvironment()
    {
        var environment = new Dictionary<string, string?>
        {
            [KlinkySessionState.ApiKeyVariable] = "klinky_live_sessionstate",
            [KlinkySessionState.BaseUrlVariable] = "http://127.0.0.1:1/api/v1",
        };

        var connection = KlinkySessionState.CurrentIn(environment.GetValueOrDefault);

        Assert.NotNull(connection);
        Assert.Equal("Environment", connection.Source);
        Assert.Equal("http://127.0.0.1:1/api/v1", connection.BaseUrl);
        Assert.Same(connection, KlinkySessionState.CurrentIn(environment.GetValueOrDefault));
    }

    [Fact]
    public void CurrentIn_AnEnvironmentWithoutAKey_IsNotConnected()
    {
        Assert.Null(KlinkySessionState.CurrentIn(_ => null));
    }
}
