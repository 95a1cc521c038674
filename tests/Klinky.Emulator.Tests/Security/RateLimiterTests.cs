using Klinky.Emulator.Tests.Support;
using Klinky.Emulator.Security;

namespace Klinky.Emulator.Tests.Security;

public sealed class RateLimiterTests
{
    private static readonly Workspace Key = new("workspace-1", new byte[32]);

    [Fact]
    public void Consume_OpensAnHourAtTheFirstRequest_AndRefusesPastTheLimit()
    {
        var time = new ManualTime(new DateTimeOffset(2026, 11, 25, 16, 59, 30, TimeSpan.Zero));
        var limiter = new RateLimiter(time, hourlyLimit: 3);

        var windows = Enumerable.Range(0, 4).Select(_ => limiter.Consume(Key)).ToList();

        Assert.Equal(new[] { true, true, true, false }, windows.Select(w => w.Allowed));
        Assert.Equal(new[] { 2, 1, 0, 0 }, windows.Select(w => w.Remaining));
        // Opened 30 s before the top of the hour, the window still lasts a full hour: a run that crosses the hour is not
        // handed a fresh budget moments after spending one.
        Assert.All(windows, w => Assert.Equal(new DateTimeOffset(2026, 11, 25, 17, 59, 30, TimeSpan.Zero), w.ResetsAt));
    }

    [Fact]
    public void Consume_AfterTheWindowEnds_StartsAFreshBudget()
    {
        var time = new ManualTime(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var limiter = new RateLimiter(time, hourlyLimit: 1);
        limiter.Consume(Key);
        Assert.False(limiter.Consume(Key).Allowed);

        time.Now = time.Now.AddHours(1);
        var fresh = limiter.Consume(Key);

        Assert.True(fresh.Allowed);
        Assert.Equal(0, fresh.Remaining);
        Assert.Equal(time.Now.AddHours(1), fresh.ResetsAt);
    }

    [Fact]
    public void Peek_NeitherSpendsNorOpensAWindow()
    {
        var time = new ManualTime(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var limiter = new RateLimiter(time, hourlyLimit: 5);

        var before = limiter.Peek(Key);
        time.Now = time.Now.AddMinutes(10);
        var first = limiter.Consume(Key);

        Assert.Equal(5, before.Remaining);
        Assert.Equal(4, first.Remaining);
        Assert.Equal(time.Now.AddHours(1), first.ResetsAt);
        Assert.Equal(4, limiter.Peek(Key).Remaining);
    }

    [Fact]
    public void Consume_WithATestWindow_OpensAndResetsOverThatWindow()
    {
        var time = new ManualTime(new DateTimeOffset(2026, 12, 6, 14, 0, 0, TimeSpan.Zero));
        var limiter = new RateLimiter(time, hourlyLimit: 2, window: TimeSpan.FromSeconds(60));

        limiter.Consume(Key);
        limiter.Consume(Key);
        var refused = limiter.Consume(Key);
        time.Now = time.Now.AddSeconds(60);
        var fresh = limiter.Consume(Key);

        Assert.False(refused.Allowed);
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 14, 1, 0, TimeSpan.Zero), refused.ResetsAt);
        Assert.True(fresh.Allowed);
        Assert.Equal(time.Now.AddSeconds(60), fresh.ResetsAt);
    }
}
