using Flurl.Http.Testing;
using Klinky.RateLimits;
using Klinky.Http;
using Klinky.Tests.Support;

namespace Klinky.Tests.Http;

public class RateLimitTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetAsync_ReadsRateLimitHeadersOfEveryAnswer()
    {
        using var http = new HttpTest();
        http.RespondWith(FakeKlinky.LinkJson, 200, FakeKlinky.RateHeaders(57, Now.AddMinutes(20).ToUnixTimeSeconds()));
        using var client = FakeKlinky.Client(new InstantTimeProvider(Now));

        await client.Links.GetAsync("x");

        Assert.Equal((100, 57, Now.AddMinutes(20)), (client.RateLimit!.Limit, client.RateLimit.Remaining, client.RateLimit.ResetsAt));
    }

    [Fact]
    public async Task GetAsync_When429WithShortRetryAfter_WaitsThatLongAndRetries()
    {
        using var http = new HttpTest();
        http.RespondWith("""{"detail": "Rate limit exceeded. Please try again later."}""", 429, new Dictionary<string, string> { ["Retry-After"] = "7" })
            .RespondWith(FakeKlinky.LinkJson, 200);
        var time = new InstantTimeProvider(Now);
        var waits = new List<KlinkyWaitNotice>();
        using var client = FakeKlinky.Client(time, o => o.OnWait = waits.Add);

        await client.Links.GetAsync("x");

        Assert.Equal(TimeSpan.FromSeconds(7), Assert.Single(time.Delays));
        Assert.Equal(KlinkyWaitReason.RateLimited, Assert.Single(waits).Reason);
        Assert.Equal(2, client.RequestsSent);
    }

    [Fact]
    public async Task CreateAsync_When429WithRetryAfterBeyondMaximum_FailsAtOnceSayingWhenBudgetResets()
    {
        using var http = new HttpTest();
        var reset = Now.AddMinutes(30);
        var headers = FakeKlinky.SpentBudget("1800", reset);
        http.RespondWith("""{"detail": "Rate limit exceeded. Please try again later."}""", 429, headers);
        var time = new InstantTimeProvider(Now);
        using var client = FakeKlinky.Client(time);

        var ex = await Assert.ThrowsAsync<KlinkyRateLimitException>(() => client.Links.CreateAsync(FakeKlinky.ValidCreate()));

        Assert.Equal(TimeSpan.FromSeconds(1800), ex.RetryAfter);
        Assert.Equal(reset, ex.ResetsAt);
        Assert.Contains("resets at 2026-11-25 12:30:00 UTC (in about 30 min)", ex.Message, StringComparison.Ordinal);
        Assert.Empty(time.Delays);
        Assert.Equal(1, client.RequestsSent);
    }

    [Fact]
    public async Task GetAsync_When429RetryAfterIsHttpDate_WaitsUntilThatDate()
    {
        using var http = new HttpTest();
        http.RespondWith("{\"detail\":\"slow down\"}", 429, new Dictionary<string, string> { ["Retry-After"] = Now.AddSeconds(12).ToString("r") })
            .RespondWith(FakeKlinky.LinkJson, 200);
        var time = new InstantTimeProvider(Now);
        using var client = FakeKlinky.Client(time);

        await client.Links.GetAsync("x");

        Assert.Equal(TimeSpan.FromSeconds(12), Assert.Single(time.Delays));
    }

    [Fact]
    public async Task GetAsync_WhenKnownBudgetIsSpentAndResetIsFar_FailsWithoutSending()
    {
        using var http = new HttpTest();
        http.RespondWith(FakeKlinky.LinkJson, 200, FakeKlinky.RateHeaders(0, Now.AddMinutes(45).ToUnixTimeSeconds()));
        using var client = FakeKlinky.Client(new InstantTimeProvider(Now));
        await client.Links.GetAsync("x");

        var ex = await Assert.ThrowsAsync<KlinkyRateLimitException>(() => client.Links.GetAsync("y"));

        Assert.True(ex.NotSent);
        Assert.Equal(1, client.RequestsSent);
        Assert.Contains("Not sent", ex.Message, StringComparison.Ordinal);
        Assert.Contains("in about 45 min", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_WhenKnownBudgetIsSpentAndResetIsNear_WaitsForTheResetThenSends()
    {
        using var http = new HttpTest();
        http.RespondWith(FakeKlinky.LinkJson, 200, FakeKlinky.RateHeaders(0, Now.AddSeconds(15).ToUnixTimeSeconds()))
            .RespondWith(FakeKlinky.LinkJson, 200, FakeKlinky.RateHeaders(99, Now.AddHours(1).ToUnixTimeSeconds()));
        var time = new InstantTimeProvider(Now);
        using var client = FakeKlinky.Client(time);
        await client.Links.GetAsync("x");

        await client.Links.GetAsync("y");

        Assert.Equal(TimeSpan.FromSeconds(15), Assert.Single(time.Delays));
        Assert.Equal(2, client.RequestsSent);
    }

    [Fact]
    public async Task RateLimitsGetAsync_WhenBudgetSpent_StillAsksBecauseTheRouteDoesNotCount()
    {
        using var http = new HttpTest();
        http.RespondWith(FakeKlinky.LinkJson, 200, FakeKlinky.RateHeaders(0, Now.AddMinutes(45).ToUnixTimeSeconds()))
            .RespondWith($$"""{"limit": 100, "remaining": 0, "reset": {{Now.AddMinutes(45).ToUnixTimeSeconds()}}}""", 200);
        using var client = FakeKlinky.Client(new InstantTimeProvider(Now));
        await client.Links.GetAsync("x");

        var state = await client.RateLimits.GetAsync();

        Assert.Equal(0, state.Remaining);
        Assert.Equal(Now.AddMinutes(45), state.ResetsAt);
    }
}
