using System.Text;
using Klinky.Tests.Support;

namespace Klinky.Tests.Http;

public class ResponseSizeTests
{
    private static readonly byte[] Filler = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));

    private static KlinkyClient ClientOf(RawHttpServer server, long? cap = null) => new(new KlinkyClientOptions
    {
        BaseUrl = server.BaseUrl,
        ApiKey = FakeKlinky.ApiKey,
        Retry = new KlinkyRetryOptions { MaxRetries = 0 },
        MaxResponseSize = cap ?? KlinkyClientOptions.DefaultMaxResponseSize,
    });

    [Fact]
    public async Task ListAsync_AnEndlessBodyWithoutALength_FailsAtTheCapWithoutReadingItAll()
    {
        // A JSON array that never ends, sent chunked: only the cap stops the client.
        await using var server = new RawHttpServer(async (stream, ct) =>
        {
            await stream.WriteAsync(RawHttpServer.Ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{\"items\": ["), ct);
            for (var i = 0; i < 16 * 1024; i++)
            {
                await stream.WriteAsync(Filler, ct);
            }
        });
        using var client = ClientOf(server, cap: 2 * 1024 * 1024);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var error = await Assert.ThrowsAsync<KlinkyInvalidResponseException>(() => client.Links.ListAsync());

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Assert.Contains("larger than the 2 MB the client accepts; no Klinky answer is that large", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("KlinkyClientOptions", error.Message, StringComparison.Ordinal); // not a setting an action or cmdlet user can reach
        Assert.True(allocated < 64L * 1024 * 1024, $"allocated {allocated / (1024 * 1024)} MB for a 1 GB answer");
        Assert.True(Interlocked.Read(ref server.BytesWritten) < 512L * 1024 * 1024, "the client stopped reading long before the end");
    }

    [Fact]
    public async Task GetAsync_AContentLengthAboveTheDefaultCap_FailsBeforeReadingTheBody()
    {
        await using var server = new RawHttpServer(async (stream, ct) =>
        {
            await stream.WriteAsync(RawHttpServer.Ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1181116006\r\n\r\n{"), ct);
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
        });
        using var client = ClientOf(server);
        var started = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<KlinkyInvalidResponseException>(() => client.Links.GetAsync("abc"));

        Assert.Contains("larger than the 16 MB the client accepts", error.Message, StringComparison.Ordinal);
        Assert.Equal(200, error.StatusCode);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), "failed on the header, without waiting for the body");
    }

    [Fact]
    public async Task GetAsync_AnErrorBodyAboveTheCap_IsAlsoRefused()
    {
        await using var server = new RawHttpServer(async (stream, ct) =>
        {
            await stream.WriteAsync(RawHttpServer.Ascii("HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: 200000\r\n\r\n"), ct);
            await stream.WriteAsync(new byte[200000], ct);
        });
        using var client = ClientOf(server, cap: 100_000);

        var error = await Assert.ThrowsAsync<KlinkyInvalidResponseException>(() => client.Links.GetAsync("abc"));

        Assert.Equal(502, error.StatusCode);
        Assert.Contains("100000 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_ALargeAnswerWithoutALengthUnderTheCap_IsReadWhole()
    {
        // 300 links, about 200 KB, sent without Content-Length: more than one read chunk, far less than the cap.
        var items = string.Join(", ", Enumerable.Range(0, 300).Select(i => FakeKlinky.LinkJson.Replace("homepage-test", "slug-" + i, StringComparison.Ordinal)));
        var body = Encoding.UTF8.GetBytes($$"""{"items": [{{items}}], "total": 300}""");
        await using var server = new RawHttpServer(async (stream, ct) =>
        {
            await stream.WriteAsync(RawHttpServer.Ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"), ct);
            await stream.WriteAsync(body, ct);
        });
        using var client = ClientOf(server);

        var page = await client.Links.ListAsync();

        Assert.True(body.Length > 64 * 1024);
        Assert.Equal(300, page.Items.Count);
        Assert.Equal("slug-299", page.Items[^1].Slug);
    }
}
