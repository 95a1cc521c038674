using Klinky.Testing;

namespace Klinky.Tests.Integration;

/// <summary>One emulator (full profile, unlimited plan) shared by the integration tests of a class.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public EmulatorProcess Emulator { get; private set; } = null!;

    public KlinkyClient NewClient(Action<KlinkyClientOptions>? configure = null)
    {
        var options = new KlinkyClientOptions { BaseUrl = Emulator.BaseUrl, ApiKey = Emulator.ApiKey };
        configure?.Invoke(options);
        return new KlinkyClient(options);
    }

    public async Task InitializeAsync() => Emulator = await EmulatorProcess.StartAsync();

    public async Task DisposeAsync() => await Emulator.DisposeAsync();
}
