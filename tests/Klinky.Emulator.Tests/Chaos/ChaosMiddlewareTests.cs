using System.Net;
using Klinky.Emulator.Tests.Support;
using Klinky.Testing;

namespace Klinky.Emulator.Tests.Chaos;

public sealed class ChaosFixture : EmulatorFixture
{
    protected override EmulatorOptions Options => new() { Chaos = "error-rate=0.4,rate-limit-burst=0.2,seed=3" };
}

public sealed class ChaosMiddlewareTests : IClassFixture<ChaosFixture>
{
    private readonly ChaosFixture _fixture;

    public ChaosMiddlewareTests(ChaosFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Chaos_InjectsServerErrorsAnd429s_IntoApiAnswersOnly()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 60; i++)
        {
            using var response = await _fixture.Api.GetAsync(Api.Links);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
            }

            Assert.True(response.Headers.Contains("X-RateLimit-Remaining"));
        }

        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Contains(statuses, s => (int)s >= 500);
        var redirect = await Api.VisitAsync(_fixture.Visitor, "not-a-link");
        Assert.Equal(HttpStatusCode.NotFound, redirect.Status);
    }
}
