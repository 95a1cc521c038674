using System.Net;
using Klinky.Testing;

namespace Klinky.Emulator.Tests.Support;

/// <summary>One real emulator process per test class, with an API client (key header set) and a visitor client (no redirects followed, no cookie jar).</summary>
public class EmulatorFixture : IAsyncLifetime
{
    private EmulatorProcess? _emulator;

    public EmulatorProcess Emulator => _emulator ?? throw new InvalidOperationException("Not started");

    public HttpClient Api { get; private set; } = null!;

    public HttpClient Visitor { get; private set; } = null!;

    protected virtual EmulatorOptions Options => new();

    public HttpClient ClientFor(string apiKey)
    {
        var client = new HttpClient { BaseAddress = new Uri(Emulator.RootUrl + "/") };
        client.DefaultRequestHeaders.Add("X-API-Key", apiKey);
        return client;
    }

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorProcess.StartAsync(Options);
        Api = ClientFor(Emulator.ApiKey);
        Visitor = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = DecompressionMethods.None })
        {
            BaseAddress = new Uri(Emulator.RootUrl + "/"),
        };
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        Visitor?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
