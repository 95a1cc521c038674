using Klinky.Links;
using Klinky.Testing;

namespace Klinky.Action.Tests.EndToEnd;

/// <summary>
/// A spent Growth budget (100 requests an hour) and no saved figures to show: the action looks (for free), spends
/// nothing, and says when the budget comes back, as a notice; <c>fail-on-stale</c> makes it a failure.
/// </summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task SpentBudget_NothingSaved_NoticesTheResetTime_SpendsNothing_AndFailsOnlyWithFailOnStale()
    {
        await using var emulator = await EmulatorProcess.StartAsync(new EmulatorOptions { Plan = "growth" });
        using var klinky = new KlinkyClient(new KlinkyClientOptions { BaseUrl = emulator.BaseUrl, ApiKey = emulator.ApiKey, Retry = new KlinkyRetryOptions { MaxRetries = 0 } });
        await klinky.Links.CreateAsync(new CreateLinkRequest("Spent", new[] { new Variant("control", "https://example.com/a", 50), new Variant("b", "https://example.com/b", 50) }) { Slug = "spent-a" });

        // The emulator opens a key's hour at its first request, so this budget cannot refill while the test runs.
        while (klinky.RateLimit is not { Remaining: 0 })
        {
            await klinky.Links.ListAsync(new LinkListOptions { PerPage = 1 });
        }

        var results = new List<(ActionResult Result, IReadOnlyDictionary<string, string> Outputs)>();
        foreach (var failOnStale in new[] { "false", "true" })
        {
            using var sandbox = new RunnerSandbox("http://127.0.0.1:9/api/v3", "push", RunnerSandbox.Fixture("push"))
                .WithInput("api-key", emulator.ApiKey)
                .WithInput("base-url", emulator.BaseUrl)
                .WithInput("links", "spent-a")
                .WithInput("fail-on-stale", failOnStale);
            results.Add((await sandbox.RunAsync(), sandbox.ReadOutputs()));
        }

        var (quiet, quietOutputs) = results[0];
        Assert.True(quiet.ExitCode == 0, quiet.ToString());
        var notice = Assert.Single(quiet.Stdout.Split('\n'), l => l.StartsWith("::notice", StringComparison.Ordinal));
        Assert.Matches(@"Klinky's hourly budget is spent until \d\d:\d\d(:\d\d)? UTC \(0 of 100 left", notice);
        Assert.DoesNotContain("::error", quiet.Stdout, StringComparison.Ordinal);
        Assert.Equal("0", quietOutputs["klinky-requests"]);
        Assert.Equal("0", quietOutputs["klinky-budget-left"]);

        var (strict, _) = results[1];
        Assert.True(strict.ExitCode == 1, strict.ToString());
        Assert.Contains("fail-on-stale is true", Assert.Single(strict.Stdout.Split('\n'), l => l.StartsWith("::error", StringComparison.Ordinal)), StringComparison.Ordinal);
    }
}
