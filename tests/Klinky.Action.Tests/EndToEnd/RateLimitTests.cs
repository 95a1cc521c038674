using Klinky.Links;
using Klinky.Testing;

namespace Klinky.Action.Tests.EndToEnd;

/// <summary>A spent Growth budget (100 requests an hour): the action fails at once and says when the budget comes back.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task SpentBudget_ErrorsWithTheResetTime_ExitsOne()
    {
        await using var emulator = await EmulatorProcess.StartAsync(new EmulatorOptions { Plan = "growth" });
        using var klinky = new KlinkyClient(new KlinkyClientOptions { BaseUrl = emulator.BaseUrl, ApiKey = emulator.ApiKey, Retry = new KlinkyRetryOptions { MaxRetries = 0 } });
        await klinky.Links.CreateAsync(new CreateLinkRequest("Spent", new[] { new Variant("control", "https://example.com/a", 50), new Variant("b", "https://example.com/b", 50) }) { Slug = "spent-a" });

        // The emulator opens a key's hour at its first request, so this budget cannot refill while the test runs.
        while (klinky.RateLimit is not { Remaining: 0 })
        {
            await klinky.Links.ListAsync(new LinkListOptions { PerPage = 1 });
        }

        using var sandbox = new RunnerSandbox("http://127.0.0.1:9/api/v3", "push", RunnerSandbox.Fixture("push"))
            .WithInput("api-key", emulator.ApiKey)
            .WithInput("base-url", emulator.BaseUrl)
            .WithInput("links", "spent-a");

        var result = await sandbox.RunAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        var error = Assert.Single(result.Stdout.Split('\n'), l => l.StartsWith("::error", StringComparison.Ordinal));
        Assert.Contains("rate limit exceeded", error, StringComparison.Ordinal);
        Assert.Matches(@"resets at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", error);
    }
}
