using Klinky.Build.Tests.Infrastructure;
using Klinky.Links;
using Klinky.RateLimits;
using Klinky.Testing;

namespace Klinky.Build.Tests;

/// <summary>Builds come first: the build looks at the budget for free and spends into the reserve reports leave it.</summary>
public sealed class UpsertPreviewLinksBudgetTests
{
    [Fact]
    public async Task Execute_OnlyTheReserveLeft_StillCreatesTheLink_AndSaysWhatItSpentAndWhatIsLeft()
    {
        await using var emulator = await EmulatorProcess.StartAsync(new EmulatorOptions { RateLimit = "30/1h" });
        using var spender = new KlinkyClient(new KlinkyClientOptions { BaseUrl = emulator.BaseUrl, ApiKey = emulator.ApiKey });
        for (var i = 0; i < 27; i++)
        {
            await spender.Links.ListAsync(new LinkListOptions { PerPage = 1 });
        }

        // Three left, all of them inside a report's reserve of 20: a report would not spend them, a build does.
        Assert.Equal(0, RequestBudget.Allowance(spender.RateLimit, BudgetRole.Report, RequestBudget.DefaultReserve, DateTimeOffset.UtcNow));
        var engine = new FakeBuildEngine();
        var task = UpsertTaskFactory.Create(engine, emulator.BaseUrl, new Dictionary<string, string?> { ["KLINKY_API_KEY"] = emulator.ApiKey });

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        Assert.Equal("checkout", Assert.Single(task.CreatedLinks).ItemSpec);
        Assert.Contains(engine.HighImportanceMessages, m => m.StartsWith("Klinky: spent 2 Klinky requests; 1 of 30 left until ", StringComparison.Ordinal));
        Assert.Equal(1, (await spender.RateLimits.GetAsync()).Remaining);
    }
}
