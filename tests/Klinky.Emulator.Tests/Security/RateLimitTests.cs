using System.Net;
using Klinky.Emulator.Tests.Support;
using Klinky.Testing;

namespace Klinky.Emulator.Tests.Security;

public sealed class GrowthPlanFixture : EmulatorFixture
{
    protected override EmulatorOptions Options => new() { Plan = "growth" };
}

public sealed class RateLimitTests : IClassFixture<GrowthPlanFixture>
{
    private readonly GrowthPlanFixture _fixture;

    public RateLimitTests(GrowthPlanFixture fixture) => _fixture = fixture;

    // One test spends the whole hour's budget of this class's emulator, so everything about it is checked in order here.
    [Fact]
    public async Task GrowthPlan_CountsEveryRequestOnce_ThenAnswers429WithRetryAfter()
    {
        using var peek = await _fixture.Api.GetAsync("api/v1/public/keys/rate-limit");
        var budget = await Api.ReadJsonAsync(peek);
        Assert.Equal(100, budget.GetProperty("limit").GetInt32());
        Assert.Equal(100, budget.GetProperty("remaining").GetInt32());

        using var first = await _fixture.Api.GetAsync(Api.Links);
        using var notFound = await _fixture.Api.GetAsync($"{Api.Links}/{Guid.NewGuid()}");
        using var peekAgain = await _fixture.Api.GetAsync("api/v1/public/keys/rate-limit");
        Assert.Equal("100", first.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.Equal(99, Api.Remaining(first));
        Assert.Equal(98, Api.Remaining(notFound));
        Assert.Equal(98, (await Api.ReadJsonAsync(peekAgain)).GetProperty("remaining").GetInt32());

        for (var i = 0; i < 98; i++)
        {
            using var spend = await _fixture.Api.GetAsync(Api.Links);
            Assert.Equal(HttpStatusCode.OK, spend.StatusCode);
        }

        using var limited = await _fixture.Api.GetAsync(Api.Links);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("Rate limit exceeded. Please try again later.", Api.Detail(await Api.ReadJsonAsync(limited)));
        Assert.Equal(0, Api.Remaining(limited));
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 3600);
        var reset = long.Parse(limited.Headers.GetValues("X-RateLimit-Reset").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(reset - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 0, 3600);

        // Redirects are not API requests: they still work when the key's budget is spent.
        var slugless = await Api.VisitAsync(_fixture.Visitor, "no-such-link");
        Assert.Equal(HttpStatusCode.NotFound, slugless.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("klinky_live_00000000000000000000000000000000")]
    public async Task MissingOrWrongKey_Answers401WithoutCountingOrHeaders(string? key)
    {
        using var client = new HttpClient { BaseAddress = new Uri(_fixture.Emulator.RootUrl + "/") };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-API-Key", key);
        }

        using var response = await client.GetAsync(Api.Links);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Invalid or missing API key", Api.Detail(await Api.ReadJsonAsync(response)));
        Assert.False(response.Headers.Contains("X-RateLimit-Remaining"));
    }
}
