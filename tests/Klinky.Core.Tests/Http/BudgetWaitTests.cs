using Klinky.Http;
using Klinky.RateLimits;
using Klinky.Tests.Support;

namespace Klinky.Tests.Http;

public class BudgetWaitTests
{
    private readonly InstantTimeProvider _time = new();
    private readonly List<KlinkyWaitNotice> _announced = new();

    private BudgetWait Budget() => new(new KlinkyRetryOptions { MaxRateLimitWait = TimeSpan.FromSeconds(60) }, _time, new RetryWaits(_time, _announced.Add));

    [Fact]
    public async Task WaitAsync_WithBudgetLeftOrUnknown_DoesNotWait()
    {
        await Budget().WaitAsync(null, "GET", "http://x/links", 1, CancellationToken.None);
        await Budget().WaitAsync(new RateLimitState(100, 1, _time.GetUtcNow().AddMinutes(30)), "GET", "http://x/links", 1, CancellationToken.None);

        Assert.Empty(_time.Delays);
        Assert.Empty(_announced);
    }

    [Fact]
    public async Task WaitAsync_SpentWithANearReset_AnnouncesAndWaitsUntilTheReset()
    {
        await Budget().WaitAsync(new RateLimitState(100, 0, _time.GetUtcNow().AddSeconds(20)), "GET", "http://x/links", 2, CancellationToken.None);

        Assert.Equal(new[] { TimeSpan.FromSeconds(20) }, _time.Delays);
        var notice = Assert.Single(_announced);
        Assert.Equal(KlinkyWaitReason.RateLimited, notice.Reason);
        Assert.Equal(2, notice.NextAttempt);
    }

    [Fact]
    public async Task WaitAsync_SpentWithAFarReset_ThrowsWithoutWaiting()
    {
        var spent = new RateLimitState(100, 0, _time.GetUtcNow().AddMinutes(30));

        var ex = await Assert.ThrowsAsync<KlinkyRateLimitException>(() => Budget().WaitAsync(spent, "GET", "http://x/links", 1, CancellationToken.None));

        Assert.StartsWith("Not sent: the Klinky request budget is spent", ex.Message, StringComparison.Ordinal);
        Assert.Equal("http://x/links", ex.Url);
        Assert.Equal(TimeSpan.FromMinutes(30), ex.RetryAfter);
        Assert.Empty(_time.Delays);
    }

    [Fact]
    public async Task WaitAsync_SpentWithAResetAlreadyPassed_DoesNotWait()
    {
        await Budget().WaitAsync(new RateLimitState(100, 0, _time.GetUtcNow().AddSeconds(-1)), "GET", "http://x/links", 1, CancellationToken.None);

        Assert.Empty(_time.Delays);
    }
}
