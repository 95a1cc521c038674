using System.Text;

namespace Klinky.Emulator.Dashboard.Tests.Support;

/// <summary>Reads a server-sent event stream frame by frame (a frame ends with a blank line).</summary>
public sealed class EventStreamReader : IDisposable
{
    private readonly HttpClient _client;
    private readonly string _path;
    private HttpResponseMessage? _response;
    private StreamReader? _reader;

    public EventStreamReader(string rootUrl, string path)
    {
        _client = new HttpClient { BaseAddress = new Uri(rootUrl + "/"), Timeout = Timeout.InfiniteTimeSpan };
        _path = path;
    }

    public async Task ConnectAsync()
    {
        _response = await _client.GetAsync(_path, HttpCompletionOption.ResponseHeadersRead);
        _response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", _response.Content.Headers.ContentType?.MediaType);
        _reader = new StreamReader(await _response.Content.ReadAsStreamAsync(), Encoding.UTF8);
    }

    /// <summary>The next frame whose event name is <paramref name="eventName"/>, as sent (its lines joined by newlines).</summary>
    public async Task<string> NextEventAsync(string eventName, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var frame = new StringBuilder();
        while (true)
        {
            var line = await _reader!.ReadLineAsync(cancel.Token) ?? throw new EndOfStreamException("The event stream ended");
            if (line.Length > 0)
            {
                frame.Append(line).Append('\n');
                continue;
            }

            if (frame.ToString().StartsWith($"event: {eventName}\n", StringComparison.Ordinal))
            {
                return frame.ToString();
            }

            frame.Clear();
        }
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _response?.Dispose();
        _client.Dispose();
    }
}
