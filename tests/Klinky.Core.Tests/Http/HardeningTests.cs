using Flurl.Http;
using Flurl.Http.Testing;
using Klinky.Tests.Support;

namespace Klinky.Tests.Http;

/// <summary>Answers a real server should not send but a proxy, an old deployment or a typo can: none may leak or crash.</summary>
public class HardeningTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TransportFailure_KeepsNoExceptionThatHoldsTheRequestAndItsKeyHeader()
    {
        using var client = new KlinkyClient(new KlinkyClientOptions
        {
            BaseUrl = "http://127.0.0.1:9/api/v1",
            ApiKey = FakeKlinky.ApiKey,
            Retry = new KlinkyRetryOptions { MaxRetries = 0 },
        });

        var ex = await Assert.ThrowsAsync<KlinkyTransportException>(() => client.Links.GetAsync("abc"));

        for (Exception? inner = ex; inner is not null; inner = inner.InnerException)
        {
            Assert.IsNotAssignableFrom<FlurlHttpException>(inner);
        }

        Assert.DoesNotContain(FakeKlinky.ApiKey, ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirect_IsNotFollowed_AndTheErrorNamesTheNewLocation()
    {
        using var http = new HttpTest();
        http.RespondWith("", 301, new Dictionary<string, string> { ["Location"] = "https://elsewhere.example/api/v1/public/links/abc" });
        using var client = FakeKlinky.Client();

        var ex = await Assert.ThrowsAsync<KlinkyException>(() => client.Links.GetAsync("abc"));

        Assert.Equal(301, ex.StatusCode);
        Assert.Contains("https://elsewhere.example/api/v1/public/links/abc", ex.Message, StringComparison.Ordinal);
        Assert.Single(http.CallLog);
    }

    [Theory]
    [InlineData("Infinity")]
    [InlineData("1e20")]
    [InlineData("NaN")]
    [InlineData("999999999")]
    public async Task RetryAfter_Unbelievable_FallsBackToTheResetHeader(string retryAfter)
    {
        using var http = new HttpTest();
        var headers = FakeKlinky.SpentBudget(retryAfter, Now.AddSeconds(9));
        http.RespondWith("{\"detail\":\"slow down\"}", 429, headers).RespondWith(FakeKlinky.LinkJson);
        var time = new InstantTimeProvider(Now);
        using var client = FakeKlinky.Client(time);

        await client.Links.GetAsync("abc");

        Assert.Equal(TimeSpan.FromSeconds(9), Assert.Single(time.Delays));
    }

    [Fact]
    public async Task ResetHeaderInMilliseconds_IsIgnoredRatherThanFailingTheAnswer()
    {
        using var http = new HttpTest();
        http.RespondWith(FakeKlinky.LinkJson, 200, new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = "100",
            ["X-RateLimit-Remaining"] = "50",
            ["X-RateLimit-Reset"] = "1795000000000",
        });
        using var client = FakeKlinky.Client();

        var link = await client.Links.GetAsync("abc");

        Assert.Equal("homepage-test", link.Slug);
        Assert.Null(client.RateLimit);
    }

    [Fact]
    public async Task After429WaitedOut_SendsAgainEvenThoughTheHeadersStillSayZeroLeft()
    {
        using var http = new HttpTest();
        var headers = FakeKlinky.SpentBudget("5", Now.AddMinutes(30));
        http.RespondWith("{\"detail\":\"burst\"}", 429, headers).RespondWith(FakeKlinky.LinkJson);
        var time = new InstantTimeProvider(Now);
        using var client = FakeKlinky.Client(time);

        await client.Links.GetAsync("abc");

        Assert.Equal(TimeSpan.FromSeconds(5), Assert.Single(time.Delays));
        Assert.Equal(2, client.RequestsSent);
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public async Task DotSegmentId_IsRejectedBeforeAnyRequest(string id)
    {
        using var http = new HttpTest();
        using var client = FakeKlinky.Client();

        await Assert.ThrowsAsync<KlinkyValidationException>(() => client.Links.DeleteAsync(id));

        Assert.Empty(http.CallLog);
    }

    [Fact]
    public async Task UpdateAsync_WithNothingToChange_SpendsNoRequest()
    {
        using var http = new HttpTest();
        using var client = FakeKlinky.Client();

        var ex = await Assert.ThrowsAsync<KlinkyValidationException>(() => client.Links.UpdateAsync("abc", new global::Klinky.Links.UpdateLinkRequest()));

        Assert.Equal("request", Assert.Single(ex.Errors).Field);
        Assert.Empty(http.CallLog);
    }

    [Fact]
    public async Task NullOptionalFields_KeepTheirDocumentedDefaults()
    {
        using var http = new HttpTest();
        http.RespondWith("""
            {"id": "x", "name": "n", "slug": "s", "is_active": null, "auto_winner": null, "auto_winner_threshold": null,
             "enable_conversion_tracking": null, "variants": [{"label": "control", "destination_url": "https://a.example", "weight": 100}]}
            """);
        using var client = FakeKlinky.Client();

        var link = await client.Links.GetAsync("x");

        Assert.True(link.IsActive);
        Assert.False(link.AutoWinner);
        Assert.Equal(100, link.AutoWinnerThreshold);
        Assert.Single(link.Variants);
    }

    [Fact]
    public async Task ListAllAsync_WhenTheServerDoesNotEchoThePage_StopsAtTheTotal()
    {
        using var http = new HttpTest();
        var hundred = string.Join(",", Enumerable.Repeat(FakeKlinky.LinkJson, 100));
        var fifty = string.Join(",", Enumerable.Repeat(FakeKlinky.LinkJson, 50));
        http.RespondWith($$"""{"items": [{{hundred}}], "total": 150}""").RespondWith($$"""{"items": [{{fifty}}], "total": 150}""");
        using var client = FakeKlinky.Client();

        var count = 0;
        await foreach (var _ in client.Links.ListAllAsync())
        {
            count++;
        }

        Assert.Equal(150, count);
        Assert.Equal(2, client.RequestsSent);
    }

    [Fact]
    public async Task ListAsync_WhenTheServerDoesNotEchoPaging_FillsInWhatWasAsked()
    {
        using var http = new HttpTest();
        var two = string.Join(",", Enumerable.Repeat(FakeKlinky.LinkJson, 2));
        http.RespondWith($$"""{"items": [{{two}}], "total": 5}""").RespondWith($$"""{"items": [{{FakeKlinky.LinkJson}}], "total": 5}""");
        using var client = FakeKlinky.Client();

        var second = await client.Links.ListAsync(new global::Klinky.Links.LinkListOptions { Page = 2, PerPage = 2 });
        var third = await client.Links.ListAsync(new global::Klinky.Links.LinkListOptions { Page = 3, PerPage = 2 });

        Assert.Equal((2, 2), (second.Page, second.PerPage));
        Assert.True(second.HasMore);
        Assert.False(third.HasMore);
    }
}
