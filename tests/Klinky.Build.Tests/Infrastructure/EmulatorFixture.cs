using Klinky.Links;
using Klinky.Testing;

namespace Klinky.Build.Tests.Infrastructure;

/// <summary>One emulator shared by a test class that runs the task in process against a real Klinky.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private KlinkyClient? _client;

    public EmulatorProcess Emulator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await EmulatorProcess.StartAsync();
        _client = new KlinkyClient(new KlinkyClientOptions { BaseUrl = Emulator.BaseUrl, ApiKey = Emulator.ApiKey });
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        await Emulator.DisposeAsync();
    }

    public Task<Link?> FindAsync(string slug) => _client!.Links.FindBySlugAsync(slug);
}
