using Flurl.Http.Testing;
using Klinky.Tests.Support;

namespace Klinky.Tests.Http;

public class ErrorMappingTests
{
    [Theory]
    [InlineData(401, typeof(KlinkyAuthenticationException))]
    [InlineData(403, typeof(KlinkyForbiddenException))]
    [InlineData(404, typeof(KlinkyNotFoundException))]
    [InlineData(409, typeof(KlinkyConflictException))]
    [InlineData(400, typeof(KlinkyValidationException))]
    [InlineData(422, typeof(KlinkyValidationException))]
    [InlineData(418, typeof(KlinkyException))]
    public async Task GetAsync_WhenServerAnswersStatus_ThrowsTypedExceptionWithDetailMethodAndUrl(int status, Type expected)
    {
        using var http = new HttpTest();
        http.RespondWith("""{"detail": "something specific went wrong"}""", status, FakeKlinky.RateHeaders(41));
        using var client = FakeKlinky.Client();

        var ex = await Assert.ThrowsAnyAsync<KlinkyException>(() => client.Links.GetAsync("abc"));

        Assert.IsType(expected, ex);
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal("something specific went wrong", ex.Detail);
        Assert.Equal("GET", ex.Method);
        Assert.Equal(FakeKlinky.BaseUrl + "/public/links/abc", ex.Url);
        Assert.Equal(41, ex.RateLimit?.Remaining);
        Assert.Contains("something specific went wrong", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeKlinky.ApiKey, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_WhenServerAnswersFastApiListForm_FlattensIntoFieldErrors()
    {
        using var http = new HttpTest();
        http.RespondWith("""
            {"detail": [
              {"loc": ["body", "variants", 1, "weight"], "msg": "weights must sum to 100", "type": "value_error"},
              {"loc": ["body", "name"], "msg": "field required", "type": "value_error.missing"}
            ]}
            """, 422);
        using var client = FakeKlinky.Client();

        var ex = await Assert.ThrowsAsync<KlinkyValidationException>(() => client.Links.CreateAsync(FakeKlinky.ValidCreate()));

        Assert.Equal(new[] { "variants[1].weight", "name" }, ex.Errors.Select(e => e.Field));
        Assert.Equal("variants[1].weight: weights must sum to 100; name: field required", ex.Detail);
    }

    [Theory]
    [InlineData("<html><body><h1>502 Bad Gateway</h1></body></html>", "HTML page")]
    [InlineData("", "empty body")]
    [InlineData("{\"detail\": \"trunc", "not valid JSON")]
    public async Task GetAsync_WhenErrorBodyIsNotKlinkyJson_SaysSoWithoutParserTrace(string body, string expected)
    {
        using var http = new HttpTest();
        http.RespondWith(body, 502);
        using var client = FakeKlinky.Client(configure: o => o.Retry.MaxRetries = 0);

        var ex = await Assert.ThrowsAsync<KlinkyServerException>(() => client.Links.GetAsync("abc"));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.InnerException);
    }

    [Theory]
    [InlineData("<html>login page</html>")]
    [InlineData("")]
    [InlineData("{\"id\": \"550e8400\", \"name\": \"tru")]
    public async Task GetAsync_WhenSuccessBodyIsNotKlinkyJson_ThrowsInvalidResponse(string body)
    {
        using var http = new HttpTest();
        http.RespondWith(body, 200);
        using var client = FakeKlinky.Client();

        var ex = await Assert.ThrowsAsync<KlinkyInvalidResponseException>(() => client.Links.GetAsync("abc"));

        Assert.Equal(200, ex.StatusCode);
        Assert.StartsWith("Klinky answered 200 to GET", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_WhenServerRefusesConnection_ThrowsTransportExceptionNamingBaseUrl()
    {
        using var client = new KlinkyClient(new KlinkyClientOptions
        {
            BaseUrl = "http://127.0.0.1:9/api/v1",
            ApiKey = FakeKlinky.ApiKey,
            TimeProvider = new InstantTimeProvider(),
        });

        var ex = await Assert.ThrowsAsync<KlinkyTransportException>(() => client.Links.GetAsync("abc"));

        Assert.Contains("http://127.0.0.1:9/api/v1", ex.Message, StringComparison.Ordinal);
        Assert.Null(ex.StatusCode);
        Assert.Equal(4, client.RequestsSent);
    }

    [Fact]
    public async Task GetAsync_WhenServerTimesOut_ThrowsTimeoutException()
    {
        using var http = new HttpTest();
        http.SimulateTimeout();
        using var client = FakeKlinky.Client(configure: o => o.Retry.MaxRetries = 0);

        var ex = await Assert.ThrowsAsync<KlinkyTimeoutException>(() => client.Links.GetAsync("abc"));

        Assert.Contains("did not answer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_WhenServerEchoesTheKeyInItsDetail_TheExceptionCarriesItRedacted()
    {
        using var http = new HttpTest();
        http.RespondWith($$"""{"detail": "key {{FakeKlinky.ApiKey}} is not valid"}""", 401);
        using var client = FakeKlinky.Client();

        var ex = await Assert.ThrowsAsync<KlinkyAuthenticationException>(() => client.Links.GetAsync("abc"));

        Assert.Equal("key [redacted] is not valid", ex.Detail);
        Assert.DoesNotContain(FakeKlinky.ApiKey, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnRequest_WhenTheBaseUrlCarriesTheKey_LogsItRedacted()
    {
        using var http = new HttpTest();
        http.RespondWith(FakeKlinky.LinkJson);
        var logged = new List<string>();
        using var client = FakeKlinky.Client(configure: o =>
        {
            o.BaseUrl = "https://klinky.test/" + FakeKlinky.ApiKey + "/api/v1";
            o.OnRequest = log => logged.Add($"{log.Method} {log.Url} {log.Error}");
        });

        await client.Links.GetAsync("abc");

        Assert.Contains("https://klinky.test/[redacted]/api/v1/public/links/abc", Assert.Single(logged), StringComparison.Ordinal);
    }
}
