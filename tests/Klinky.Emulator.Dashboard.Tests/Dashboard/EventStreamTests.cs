using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Klinky.Emulator.Dashboard.Tests.Support;
using Klinky.Testing;

namespace Klinky.Emulator.Dashboard.Tests.Dashboard;

/// <summary>The event stream against a started emulator: clients that never read do not hold up redirects or other watchers.</summary>
public sealed class EventStreamTests : IClassFixture<DashboardFixture>
{
    private readonly DashboardFixture _fixture;

    public EventStreamTests(DashboardFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task WatchersThatNeverRead_HoldUpNeitherRedirectsNorAWatcherThatReads()
    {
        var slug = DashboardFixture.NewSlug();
        var id = await _fixture.CreateLinkAsync(slug);
        var port = new Uri(_fixture.Emulator.RootUrl).Port;

        // Ten streams opened with a tiny receive buffer and never read again.
        var stalled = new List<Socket>();
        for (var i = 0; i < 10; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 1024 };
            await socket.ConnectAsync(IPAddress.Loopback, port);
            await socket.SendAsync(Encoding.ASCII.GetBytes($"GET /_klinky/links/{id}/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"));
            stalled.Add(socket);
        }

        using var reading = new EventStreamReader(_fixture.Emulator.RootUrl, $"_klinky/links/{id}/events");
        await reading.ConnectAsync();

        // The stalled streams never read: a redirect that waited for them would never answer, so all answering at all
        // (within a deadline only a hang reaches) is the proof; how fast they answer is no concern of this test.
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 250; i++)
            {
                using var visit = new HttpRequestMessage(HttpMethod.Get, slug);
                visit.Headers.Add("Cookie", $"klinky_vid=stall{worker:D2}visitor{i:D4}");
                using var response = await _fixture.Page.SendAsync(visit);
                statuses.Add(response.StatusCode);
            }

            return statuses;
        })).WaitAsync(Poll.GenerousDeadline);
        var frame = await reading.NextEventAsync("clicks", Poll.GenerousDeadline);

        Assert.All(answers.SelectMany(a => a), status => Assert.Equal(HttpStatusCode.Found, status));
        using var json = JsonDocument.Parse(frame.Split("data: ", 2)[1]);
        Assert.True(json.RootElement.GetProperty("variants").EnumerateArray().Sum(v => v.GetProperty("clicks").GetInt64()) > 0);
        foreach (var socket in stalled)
        {
            socket.Dispose();
        }
    }
}
