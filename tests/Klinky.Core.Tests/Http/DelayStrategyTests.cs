using Klinky.Http;
using Klinky.RateLimits;
using Klinky.Tests.Support;

namespace Klinky.Tests.Http;

public class DelayStrategyTests
{
    private readonly InstantTimeProvider _time = new();

    private DelayStrategy Strategy(TimeSpan? maxRateLimitWait = null) => new(
        new KlinkyRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(400), MaxRateLimitWait = maxRateLimitWait ?? TimeSpan.FromSeconds(60) },
        _time);

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(3, 400)]
    [InlineData(6, 400)]
    public void NextDelay_AfterAServerError_IsABackoffBetweenHalfTheStepAndTheStep(int attempt, double step)
    {
        var wait = Strategy().NextDelay(new AttemptResult { Status = 503 }, attempt)!;

        Assert.Equal(KlinkyWaitReason.Backoff, wait.Reason);
        Assert.Equal(attempt + 1, wait.NextAttempt);
        Assert.InRange(wait.Delay.TotalMilliseconds, step / 2, step);
    }

    [Fact]
    public void NextDelay_After429_IsTheRetryAfterTheServerGave()
    {
        var wait = Strategy().NextDelay(new AttemptResult { Status = 429, RetryAfter = "7" }, 1)!;

        Assert.Equal(KlinkyWaitReason.RateLimited, wait.Reason);
        Assert.Equal(TimeSpan.FromSeconds(7), wait.Delay);
    }

    [Fact]
    public void NextDelay_After429WithoutRetryAfter_WaitsForTheBudgetsReset()
    {
        var limit = new RateLimitState(100, 0, _time.GetUtcNow().AddSeconds(12));

        var wait = Strategy().NextDelay(new AttemptResult { Status = 429, RateLimit = limit }, 1)!;

        Assert.Equal(TimeSpan.FromSeconds(12), wait.Delay);
    }

    [Fact]
    public void NextDelay_After429_LongerThanTheMaximumOrUnsaid_IsNull()
    {
        Assert.Null(Strategy(TimeSpan.FromSeconds(5)).NextDelay(new AttemptResult { Status = 429, RetryAfter = "6" }, 1));
        Assert.Null(Strategy().NextDelay(new AttemptResult { Status = 429 }, 1));
    }

    [Theory]
    [InlineData(0.0, 500)]
    [InlineData(0.5, 750)]
    [InlineData(0.999, 999.5)]
    public void EqualJitter_AnyRandomDraw_WaitsAtLeastHalfTheStep(double fraction, double expectedMilliseconds)
    {
        Assert.Equal(expectedMilliseconds, DelayStrategy.EqualJitter(1000, fraction).TotalMilliseconds, 3);
    }
}
