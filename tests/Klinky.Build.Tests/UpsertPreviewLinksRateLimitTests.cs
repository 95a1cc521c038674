using Klinky.Build.Tests.Infrastructure;
using Klinky.Links;
using Klinky.Testing;

namespace Klinky.Build.Tests;

/// <summary>A spent Growth budget (100 requests an hour): the build is told when it resets and is not held up.</summary>
public sealed class UpsertPreviewLinksRateLimitTests : IAsyncLifetime
{
    private EmulatorProcess _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorProcess.StartAsync(new EmulatorOptions { Plan = "growth" });
        using var spender = new KlinkyClient(new KlinkyClientOptions { BaseUrl = _emulator.BaseUrl, ApiKey = _emulator.ApiKey });
        while (spender.RateLimit is not { Remaining: 0 })
        {
            await spender.Links.ListAsync(new LinkListOptions { PerPage = 1 });
        }
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Execute_BudgetSpent_ReportsKlinky006WithTheResetTime(bool failOnError)
    {
        var engine = new FakeBuildEngine();
        var task = UpsertTaskFactory.Create(engine, _emulator.BaseUrl, new Dictionary<string, string?> { ["KLINKY_API_KEY"] = _emulator.ApiKey });
        task.FailOnError = failOnError;
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var succeeded = task.Execute();

        var diagnostics = failOnError ? engine.Errors.Select(e => (e.Code, e.Message)) : engine.Warnings.Select(w => (w.Code, w.Message));
        var (code, message) = Assert.Single(diagnostics);
        Assert.Equal("KLINKY006", code);
        Assert.Matches(@"resets at .*\d\d:\d\d", message);
        Assert.Contains("Nothing was sent", message, StringComparison.Ordinal);
        Assert.DoesNotContain(engine.Messages, m => m.Message!.Contains("/public/links", StringComparison.Ordinal));
        Assert.Contains(engine.HighImportanceMessages, m => m.StartsWith("Klinky: spent 0 Klinky requests; 0 of 100 left until ", StringComparison.Ordinal));
        Assert.Equal(!failOnError, succeeded);
        Assert.Empty(task.CreatedLinks);
        Assert.True(watch.Elapsed < TimeSpan.FromMinutes(5), "a reset an hour away must not hold the build");
    }
}
