using Klinky.Links;
using Klinky.Testing;

namespace Klinky.Tests.Integration;

[Trait("Category", "Integration")]
public class RateLimitAndChaosTests
{
    [Fact]
    public async Task GrowthPlan_AfterAHundredRequests_FailsFastSayingWhenTheBudgetResets_AndThenSendsNothing()
    {
        await using var emulator = await EmulatorProcess.StartAsync(new EmulatorOptions { Plan = "growth" });
        using var client = new KlinkyClient(new KlinkyClientOptions { BaseUrl = emulator.BaseUrl, ApiKey = emulator.ApiKey });
        for (var i = 0; i < 100; i++)
        {
            await client.Links.ListAsync(new LinkListOptions { PerPage = 1 });
        }

        Assert.Equal(0, client.RateLimit!.Remaining);
        Assert.Equal(100, client.RateLimit.Limit);

        var refused = await Assert.ThrowsAsync<KlinkyRateLimitException>(() => client.Links.ListAsync());

        Assert.True(refused.NotSent, "the client knows the budget is spent and must not spend a request to learn it again");
        Assert.Equal(100, client.RequestsSent);
        Assert.Contains("resets at", refused.Message, StringComparison.Ordinal);

        using var naive = new KlinkyClient(new KlinkyClientOptions { BaseUrl = emulator.BaseUrl, ApiKey = emulator.ApiKey });
        var answered = await Assert.ThrowsAsync<KlinkyRateLimitException>(() => naive.Links.ListAsync());
        Assert.Equal(429, answered.StatusCode);
        Assert.NotNull(answered.RetryAfter);
        Assert.Equal("Rate limit exceeded. Please try again later.", answered.Detail);
        Assert.Equal(1, naive.RequestsSent);
    }

    [Fact]
    public async Task Chaos_ServerErrors_AreRetriedAndCreatesNeverDuplicate()
    {
        await using var emulator = await EmulatorProcess.StartAsync(new EmulatorOptions { Chaos = "error-rate=0.3,seed=7" });
        using var client = new KlinkyClient(new KlinkyClientOptions
        {
            BaseUrl = emulator.BaseUrl,
            ApiKey = emulator.ApiKey,
            Retry = new KlinkyRetryOptions { MaxRetries = 6, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) },
        });

        for (var i = 0; i < 10; i++)
        {
            await client.Links.CreateAsync(new CreateLinkRequest("Chaos " + i, new[] { new Variant("control", "https://example.com/" + i, 100) }) { Slug = "chaos-" + i });
        }

        var slugs = new List<string>();
        await foreach (var link in client.Links.ListAllAsync())
        {
            slugs.Add(link.Slug);
        }

        Assert.Equal(Enumerable.Range(0, 10).Select(i => "chaos-" + i).Order(), slugs.Order());
        Assert.True(client.RequestsSent > 11, $"30% errors must have cost retries, sent {client.RequestsSent}");
    }
}
