using System.Globalization;
using System.Net;
using System.Text;
using Klinky.Publishing.GitHub;

namespace Klinky.Publishing.Tests.GitHub;

/// <summary>Which of GitHub's 403 and 429 answers are rate limits, and when each lifts (GitHub's documented rules).</summary>
public sealed class GitHubRateLimitHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 6, 0, 0, TimeSpan.Zero);

    private static HttpResponseMessage Response(HttpStatusCode status, string message, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent($"{{\"message\":\"{message}\"}}", Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }

    [Fact]
    public async Task RetryAfterSeconds_LiftsThatLater()
    {
        using var response = Response(HttpStatusCode.Forbidden, "You have exceeded a secondary rate limit.", ("Retry-After", "30"));

        var limit = await GitHubRateLimitHandler.ClassifyAsync(response, Now, CancellationToken.None);

        Assert.Equal((Now.AddSeconds(30), "You have exceeded a secondary rate limit."), limit);
    }

    [Fact]
    public async Task RemainingZero_LiftsAtTheResetEpoch()
    {
        var reset = Now.AddMinutes(7).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var response = Response(HttpStatusCode.TooManyRequests, "API rate limit exceeded", ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", reset));

        var limit = await GitHubRateLimitHandler.ClassifyAsync(response, Now, CancellationToken.None);

        Assert.Equal(Now.AddMinutes(7), limit!.Value.ResetsAt);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "You have exceeded a secondary rate limit and have been temporarily blocked from content creation.")]
    [InlineData(HttpStatusCode.Forbidden, "You have triggered an abuse detection mechanism.")]
    [InlineData(HttpStatusCode.TooManyRequests, "")]
    public async Task NoHeaders_WaitsTheDocumentedMinute(HttpStatusCode status, string message)
    {
        using var response = Response(status, message);

        var limit = await GitHubRateLimitHandler.ClassifyAsync(response, Now, CancellationToken.None);

        Assert.Equal(Now.AddMinutes(1), limit!.Value.ResetsAt);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "Resource not accessible by integration")]
    [InlineData(HttpStatusCode.Forbidden, "Must have admin rights to Repository.")]
    [InlineData(HttpStatusCode.NotFound, "Not Found")]
    public async Task PermissionsAndOtherErrors_AreNotRateLimits(HttpStatusCode status, string message)
    {
        using var response = Response(status, message, ("x-ratelimit-remaining", "4999"));

        Assert.Null(await GitHubRateLimitHandler.ClassifyAsync(response, Now, CancellationToken.None));
    }
}
