using Klinky.Links;
using Klinky.Testing;

namespace Klinky.Benchmarks;

/// <summary>The same GET against the real emulator (SQLite, rate limiting): the server every user and test talks to locally.</summary>
public class EmulatorBenchmarks : OverheadBenchmarks
{
    private EmulatorProcess? _emulator;

    protected override string StartServer()
    {
        _emulator = EmulatorProcess.StartAsync(new EmulatorOptions { ApiKeys = new[] { ApiKey } }).GetAwaiter().GetResult();
        using var setup = new KlinkyClient(new KlinkyClientOptions { BaseUrl = _emulator.BaseUrl, ApiKey = ApiKey });
        var link = setup.Links.CreateAsync(new CreateLinkRequest("Bench", new[]
        {
            new Variant("control", "https://example.com/home", 50),
            new Variant("variant_b", "https://example.com/home-v2", 50),
        })).GetAwaiter().GetResult();
        LinkId = link.Id;
        return _emulator.BaseUrl;
    }

    protected override void StopServer() => _emulator?.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
