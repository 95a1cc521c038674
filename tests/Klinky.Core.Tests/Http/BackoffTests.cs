using Flurl.Http.Testing;
using Klinky.Http;
using Klinky.Tests.Support;

namespace Klinky.Tests.Http;

public class BackoffTests
{
    [Fact]
    public async Task Retries_OverManyFailures_EveryWaitIsBetweenHalfTheStepAndTheStep()
    {
        // Full jitter would draw from 0 to the step; the documented equal jitter never waits less than half.
        var time = new InstantTimeProvider();
        using var http = new HttpTest();
        for (var i = 0; i < 200; i++)
        {
            http.RespondWith("""{"detail": "boom"}""", 503);
        }

        using var client = FakeKlinky.Client(time, o => o.Retry = new KlinkyRetryOptions { MaxRetries = 4, BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(400) });
        for (var call = 0; call < 40; call++)
        {
            await Assert.ThrowsAsync<KlinkyServerException>(() => client.Links.GetAsync("abc"));
        }

        var steps = new[] { 100.0, 200, 400, 400 };
        var delays = time.Delays;
        Assert.Equal(160, delays.Count);
        for (var i = 0; i < delays.Count; i++)
        {
            var step = steps[i % 4];
            Assert.InRange(delays[i].TotalMilliseconds, step / 2, step);
        }

        Assert.Contains(delays, d => d.TotalMilliseconds > 60 && d.TotalMilliseconds < 100);
    }
}
