using System.Diagnostics;
using System.Net;
using Klinky.Emulator.Tests.Support;
using Klinky.Testing;

namespace Klinky.Emulator.Tests.Chaos;

public sealed class LatencyAndDropFixture : EmulatorFixture
{
    public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(150);

    protected override EmulatorOptions Options => new() { Chaos = "latency=150ms,drop-rate=0.4,seed=11" };
}

public sealed class ChaosLatencyAndDropTests : IClassFixture<LatencyAndDropFixture>
{
    private readonly LatencyAndDropFixture _fixture;

    public ChaosLatencyAndDropTests(LatencyAndDropFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Chaos_DelaysEveryApiAnswer_AndDropsAShareOfConnections()
    {
        var answered = 0;
        var dropped = 0;
        for (var i = 0; i < 20; i++)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                using var response = await _fixture.Api.GetAsync(Api.Links);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                answered++;
            }
            catch (HttpRequestException)
            {
                dropped++;
            }

            Assert.True(watch.Elapsed >= LatencyAndDropFixture.Latency, $"answer {i} took {watch.Elapsed.TotalMilliseconds} ms");
        }

        Assert.InRange(answered, 1, 19);
        Assert.InRange(dropped, 1, 19);
    }

    [Fact]
    public async Task Chaos_NeverDelaysOrDropsRedirects()
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++)
        {
            var visit = await Api.VisitAsync(_fixture.Visitor, "not-a-link");
            Assert.Equal(HttpStatusCode.NotFound, visit.Status);
        }

        Assert.True(watch.Elapsed < LatencyAndDropFixture.Latency * 10, $"10 redirects took {watch.Elapsed.TotalMilliseconds} ms");
    }
}
