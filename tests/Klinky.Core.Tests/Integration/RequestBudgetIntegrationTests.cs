using Klinky.Links;
using Klinky.RateLimits;
using Klinky.Testing;

namespace Klinky.Tests.Integration;

[Trait("Category", "Integration")]
public class RequestBudgetIntegrationTests
{
    [Fact]
    public async Task ReadAsync_IsFree_AndAReportPlansToLeaveTheReserve()
    {
        await using var emulator = await EmulatorProcess.StartAsync(new EmulatorOptions { RateLimit = "30/1h" });
        using var client = new KlinkyClient(new KlinkyClientOptions { BaseUrl = emulator.BaseUrl, ApiKey = emulator.ApiKey });
        for (var i = 0; i < 5; i++)
        {
            await client.Links.ListAsync(new LinkListOptions { PerPage = 1 });
        }

        var first = await RequestBudget.ReadAsync(client);
        var second = await RequestBudget.ReadAsync(client);

        Assert.Equal(25, first!.Remaining);
        Assert.Equal(25, second!.Remaining);
        Assert.Equal(5, client.RequestsSent);
        Assert.Equal(5, RequestBudget.Allowance(second, BudgetRole.Report, reserve: 20, DateTimeOffset.UtcNow));
        Assert.Equal(25, RequestBudget.Allowance(second, BudgetRole.Build, reserve: 20, DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task ReadAsync_InATestWindow_SeesTheBudgetComeBackAfterTheReset()
    {
        await using var emulator = await EmulatorProcess.StartAsync(new EmulatorOptions { RateLimit = "2/20s" });
        using var client = new KlinkyClient(new KlinkyClientOptions { BaseUrl = emulator.BaseUrl, ApiKey = emulator.ApiKey });
        await client.Links.ListAsync(new LinkListOptions { PerPage = 1 });
        await client.Links.ListAsync(new LinkListOptions { PerPage = 1 });

        var spent = await RequestBudget.ReadAsync(client);
        // Waits on the budget coming back (the free read spends nothing), not on a clock a loaded machine could miss.
        var back = await Poll.UntilAsync(async () => await RequestBudget.ReadAsync(client) is { Remaining: 2 } read ? read : null);

        Assert.Equal(0, RequestBudget.Allowance(spent!, BudgetRole.Build, 0, spent!.ResetsAt.AddSeconds(-1)));
        Assert.Equal(2, back!.Remaining);
        Assert.Equal(2, client.RequestsSent);
    }
}
