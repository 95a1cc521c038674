using Klinky.Http;

namespace Klinky.Tests.Http;

public class ResponseClassifierTests
{
    private static readonly KlinkyTransportException Refused = new("connection refused", new KlinkyCallInfo { Method = "GET", Url = "http://x" }, null);

    [Theory]
    [InlineData("GET", 429, true)]
    [InlineData("POST", 429, true)]
    [InlineData("GET", 500, true)]
    [InlineData("PUT", 503, true)]
    [InlineData("POST", 503, false)]
    [InlineData("GET", 404, false)]
    [InlineData("GET", 422, false)]
    [InlineData("GET", 301, false)]
    [InlineData("GET", 200, false)]
    public void IsRetriable_ByStatusAndMethod(string method, int status, bool expected)
    {
        var request = new KlinkyRequest(new HttpMethod(method), "links");

        Assert.Equal(expected, ResponseClassifier.Default.IsRetriable(request, new AttemptResult { Status = status }));
    }

    [Fact]
    public void IsRetriable_NoAnswer_OnlyForACallThatCannotHappenTwice()
    {
        var noAnswer = new AttemptResult { NoAnswer = Refused };

        Assert.True(ResponseClassifier.Default.IsRetriable(new KlinkyRequest(HttpMethod.Get, "links"), noAnswer));
        Assert.False(ResponseClassifier.Default.IsRetriable(new KlinkyRequest(HttpMethod.Post, "links"), noAnswer));
        Assert.True(ResponseClassifier.Default.IsRetriable(new KlinkyRequest(HttpMethod.Post, "links") { IdempotencyKey = "k" }, noAnswer));
        Assert.True(ResponseClassifier.Default.IsRetriable(new KlinkyRequest(HttpMethod.Post, "conversions") { SafeToRepeat = true }, noAnswer));
    }
}
