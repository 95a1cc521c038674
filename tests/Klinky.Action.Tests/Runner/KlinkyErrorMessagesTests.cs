using Klinky.Action.Runner;

namespace Klinky.Action.Tests.Runner;

public sealed class KlinkyErrorMessagesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 20, 0, TimeSpan.Zero);

    private static KlinkyCallInfo Call(int status, string detail) => new() { Method = "GET", Url = "http://x/api/v1/public/links", StatusCode = status, Detail = detail };

    [Fact]
    public void RateLimited_SaysWhenTheBudgetResets()
    {
        var ex = new KlinkyRateLimitException("429", Call(429, "Rate limit exceeded. Please try again later."), TimeSpan.FromMinutes(40), Now.AddMinutes(40));

        var message = KlinkyErrorMessages.Describe(ex, Now);

        Assert.Contains("Rate limit exceeded. Please try again later.", message, StringComparison.Ordinal);
        Assert.Contains("resets at 2026-03-01 11:00:00 UTC (in about 40 min)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadKey_PointsAtTheApiKeyInput() =>
        Assert.Contains("'api-key'", KlinkyErrorMessages.Describe(new KlinkyAuthenticationException("401", Call(401, "Invalid API key")), Now), StringComparison.Ordinal);

    [Fact]
    public void WrongBaseUrl_NamesTheBaseUrlInput_NotTheRouteThatFailed()
    {
        var call = new KlinkyCallInfo { Method = "GET", Url = "http://x/public/links/0b9d/clicks?page=1", StatusCode = 404, Detail = "Not Found" };
        var ex = new KlinkyBaseUrlException("Klinky answered 404 to GET http://x/public/links/0b9d/clicks?page=1: Not Found. The base URL http://x does not look like a Klinky API", call);

        var message = KlinkyErrorMessages.Describe(ex, Now, "http://x");

        Assert.Contains("The base URL http://x does not look like a Klinky API", message, StringComparison.Ordinal);
        Assert.Contains("'base-url'", message, StringComparison.Ordinal);
        Assert.Contains("/api/v1", message, StringComparison.Ordinal);
        Assert.DoesNotContain("/clicks", message, StringComparison.Ordinal);
    }
}
