using Flurl.Http.Testing;
using Klinky.Conversions;
using Klinky.Tests.Support;

namespace Klinky.Tests.Http;

public class RetryTests
{
    [Fact]
    public async Task GetAsync_When503ThenOk_RetriesWithBackoffAndSucceeds()
    {
        using var http = new HttpTest();
        http.RespondWith("""{"detail":"busy"}""", 503).RespondWith(FakeKlinky.LinkJson, 200);
        var time = new InstantTimeProvider();
        using var client = FakeKlinky.Client(time);

        var link = await client.Links.GetAsync("550e8400-e29b-41d4-a716-446655440000");

        Assert.Equal("homepage-test", link.Slug);
        Assert.Equal(2, client.RequestsSent);
        var delay = Assert.Single(time.Delays);
        Assert.InRange(delay, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task GetAsync_WhenAlways500_GivesUpAfterMaxRetriesWithGrowingDelays()
    {
        using var http = new HttpTest();
        http.RespondWith("""{"detail":"boom"}""", 500);
        var time = new InstantTimeProvider();
        using var client = FakeKlinky.Client(time);

        var ex = await Assert.ThrowsAsync<KlinkyServerException>(() => client.Links.GetAsync("x"));

        Assert.Equal(500, ex.StatusCode);
        Assert.Equal(4, client.RequestsSent);
        Assert.Equal(3, time.Delays.Count);
        Assert.True(time.Delays[2] > time.Delays[0], "backoff grows");
    }

    [Fact]
    public async Task CreateAsync_When502_RetriesWithTheSameIdempotencyKey()
    {
        using var http = new HttpTest();
        http.RespondWith("bad gateway", 502).RespondWith("bad gateway", 502).RespondWith(FakeKlinky.LinkJson, 201);
        using var client = FakeKlinky.Client();

        await client.Links.CreateAsync(FakeKlinky.ValidCreate());

        var keys = http.CallLog.Select(c => c.Request.Headers.FirstOrDefault("Idempotency-Key")).ToList();
        Assert.Equal(3, keys.Count);
        Assert.False(string.IsNullOrEmpty(keys[0]));
        Assert.All(keys, k => Assert.Equal(keys[0], k));
    }

    [Fact]
    public async Task CreateAsync_WithCallerIdempotencyKey_SendsThatKey()
    {
        using var http = new HttpTest();
        http.RespondWith(FakeKlinky.LinkJson, 201);
        using var client = FakeKlinky.Client();

        await client.Links.CreateAsync(FakeKlinky.ValidCreate(), new KlinkyRequestOptions { IdempotencyKey = "build-1234" });

        http.ShouldHaveCalled(FakeKlinky.BaseUrl + "/public/links").WithVerb(HttpMethod.Post).WithHeader("Idempotency-Key", "build-1234").Times(1);
    }

    [Fact]
    public async Task TrackAsync_WithoutExternalId_IsNotRetriedOn500()
    {
        using var http = new HttpTest();
        http.RespondWith("""{"detail":"boom"}""", 500);
        using var client = FakeKlinky.Client();

        await Assert.ThrowsAsync<KlinkyServerException>(() => client.Conversions.TrackAsync(new TrackConversionRequest("click-1", "signup")));

        Assert.Equal(1, client.RequestsSent);
    }

    [Fact]
    public async Task TrackAsync_WithExternalId_IsRetriedBecauseTheServerDeduplicates()
    {
        using var http = new HttpTest();
        http.RespondWith("""{"detail":"boom"}""", 500).RespondWith("""{"id":"c1","deduplicated":false}""", 202);
        using var client = FakeKlinky.Client();

        var result = await client.Conversions.TrackAsync(new TrackConversionRequest("click-1", "signup") { ExternalId = "order-9" });

        Assert.Equal("c1", result.Id);
        Assert.Equal(2, client.RequestsSent);
    }

    [Fact]
    public async Task GetAsync_WithRetriesOff_SendsOnce()
    {
        using var http = new HttpTest();
        http.RespondWith("""{"detail":"boom"}""", 503);
        using var client = FakeKlinky.Client(configure: o => o.Retry.MaxRetries = 0);

        await Assert.ThrowsAsync<KlinkyServerException>(() => client.Links.GetAsync("x"));

        Assert.Equal(1, client.RequestsSent);
    }

    [Fact]
    public async Task GetAsync_WhenCancelledDuringBackoff_StopsWithoutAnotherAttempt()
    {
        using var http = new HttpTest();
        http.RespondWith("""{"detail":"busy"}""", 503);
        using var cts = new CancellationTokenSource();
        using var client = FakeKlinky.Client(configure: o =>
        {
            o.TimeProvider = TimeProvider.System;
            o.Retry.BaseDelay = TimeSpan.FromSeconds(30);
            o.OnWait = _ => cts.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Links.GetAsync("x", cts.Token));

        Assert.Equal(1, client.RequestsSent);
    }

    [Fact]
    public async Task GetAsync_WhenCancelledWhileWaitingForTheServer_ThrowsOperationCanceled()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        using var cts = new CancellationTokenSource();
        using var client = new KlinkyClient(new KlinkyClientOptions { BaseUrl = $"http://127.0.0.1:{port}/api/v1", ApiKey = FakeKlinky.ApiKey });

        // The listener accepts the connection but never answers, so only the token can end the call; it is cancelled once
        // the connection is there (a timer could fire before the request is even sent on a loaded machine).
        var accepted = AcceptThenCancelAsync(listener, cts);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Links.GetAsync("x", cts.Token));
        (await accepted).Dispose();

        Assert.Equal(1, client.RequestsSent);
    }

    private static async Task<System.Net.Sockets.TcpClient> AcceptThenCancelAsync(System.Net.Sockets.TcpListener listener, CancellationTokenSource cancel)
    {
        var connection = await listener.AcceptTcpClientAsync();
        await cancel.CancelAsync();
        return connection;
    }
}
