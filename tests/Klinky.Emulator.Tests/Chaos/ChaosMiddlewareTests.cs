using System.Diagnostics;
using System.Net;
using Klinky.Emulator.Tests.Support;
using Klinky.Testing;

namespace Klinky.Emulator.Tests.Chaos;

public sealed class ChaosFixture : EmulatorFixture
{
    public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(100);

    protected override EmulatorOptions Options => new() { Chaos = "latency=100ms,error-rate=0.3,rate-limit-burst=0.2,drop-rate=0.2,seed=3" };
}

public sealed class ChaosMiddlewareTests : IClassFixture<ChaosFixture>
{
    private readonly ChaosFixture _fixture;

    public ChaosMiddlewareTests(ChaosFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Chaos_DelaysApiAnswers_AndInjectsServerErrors429sAndDroppedConnections()
    {
        var statuses = new List<HttpStatusCode>();
        var dropped = 0;
        for (var i = 0; i < 60; i++)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await _fixture.Api.GetAsync(Api.Links);
                statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    Assert.NotNull(response.Headers.RetryAfter);
                }

                Assert.True(response.Headers.Contains("X-RateLimit-Remaining"));
            }
            catch (HttpRequestException)
            {
                dropped++;
            }

            // Timers may fire a millisecond early; 90% of the latency still tells a delayed answer from an immediate one.
            Assert.True(watch.Elapsed >= ChaosFixture.Latency * 0.9, $"answer {i} took {watch.Elapsed.TotalMilliseconds} ms");
        }

        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Contains(statuses, s => (int)s >= 500);
        Assert.InRange(dropped, 1, 59);
    }

    [Fact]
    public async Task Chaos_NeverTouchesRedirects()
    {
        // With 70% of API answers faulted, twenty clean 404s in a row only happen when redirects are left alone.
        for (var i = 0; i < 20; i++)
        {
            var visit = await Api.VisitAsync(_fixture.Visitor, "not-a-link");
            Assert.Equal(HttpStatusCode.NotFound, visit.Status);
        }
    }
}
