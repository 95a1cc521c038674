using Klinky.Links;
using Klinky.Testing;

namespace Klinky.Publishing.Tests.Cmdlet;

/// <summary>One emulator with one link for the cmdlet runs: Publish-KlinkyReport gets real Get-KlinkyStats output.</summary>
public sealed class CmdletFixture : IAsyncLifetime
{
    public const string Slug = "pr-21-checkout";

    public EmulatorProcess Emulator { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Emulator = await EmulatorProcess.StartAsync();
        using var klinky = new KlinkyClient(new KlinkyClientOptions { BaseUrl = Emulator.BaseUrl, ApiKey = Emulator.ApiKey });
        await klinky.Links.CreateAsync(new CreateLinkRequest("Checkout", new[]
        {
            new Variant("control", "https://example.com/a", 50),
            new Variant("preview", "https://example.com/b", 50),
        })
        { Slug = Slug });
    }

    public async Task DisposeAsync()
    {
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }
    }
}
