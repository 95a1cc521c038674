using Flurl.Http.Testing;
using Klinky.Http;
using Klinky.Tests.Support;

namespace Klinky.Tests;

public class KlinkyClientTests
{
    [Fact]
    public async Task OnRequest_ReportsEveryAttemptWithoutTheKey()
    {
        using var http = new HttpTest();
        http.RespondWith("{\"detail\":\"busy\"}", 503).RespondWith(FakeKlinky.LinkJson, 200, FakeKlinky.RateHeaders(98));
        var logs = new List<KlinkyRequestLog>();
        using var client = FakeKlinky.Client(configure: o => o.OnRequest = logs.Add);

        await client.Links.GetAsync("abc");

        Assert.Equal(new int?[] { 503, 200 }, logs.Select(l => l.StatusCode));
        Assert.Equal(new[] { 1, 2 }, logs.Select(l => l.Attempt));
        Assert.All(logs, l => Assert.Equal("GET", l.Method));
        Assert.All(logs, l => Assert.DoesNotContain(FakeKlinky.ApiKey, l.ToString(), StringComparison.Ordinal));
        Assert.Equal(98, logs[1].RateLimit?.Remaining);
    }

    [Fact]
    public void Constructor_WithRelativeBaseUrl_ThrowsNamingTheField()
    {
        var ex = Assert.Throws<KlinkyValidationException>(() => new KlinkyClient(new KlinkyClientOptions { BaseUrl = "klinky.local/api" }));

        Assert.Equal("base_url", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public async Task UserAgent_IsPrefixedToTheClientsOwn()
    {
        using var http = new HttpTest();
        http.RespondWith(FakeKlinky.LinkJson);
        using var client = FakeKlinky.Client(configure: o => o.UserAgent = "Klinky.PowerShell/1.2.3");

        await client.Links.GetAsync("abc");

        var agent = Assert.Single(http.CallLog).Request.Headers.FirstOrDefault("User-Agent");
        Assert.StartsWith("Klinky.PowerShell/1.2.3 Klinky.Core/", agent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_ChangedAfterConstruction_DoNotChangeTheClient()
    {
        using var http = new HttpTest();
        http.RespondWith("{\"detail\":\"busy\"}", 503);
        var options = new KlinkyClientOptions { BaseUrl = FakeKlinky.BaseUrl, ApiKey = FakeKlinky.ApiKey, TimeProvider = new InstantTimeProvider() };
        options.Retry.MaxRetries = 0;
        using var client = new KlinkyClient(options);

        options.Retry.MaxRetries = 5;
        await Assert.ThrowsAsync<KlinkyServerException>(() => client.Links.GetAsync("abc"));

        Assert.Equal(1, client.RequestsSent);
    }
}
