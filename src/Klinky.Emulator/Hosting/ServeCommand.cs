using Klinky.Emulator.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Klinky.Emulator.Hosting;

/// <summary>Runs the emulator until Ctrl+C or SIGTERM, after printing the ready line tests and scripts wait for.</summary>
internal static class ServeCommand
{
    public static async Task<int> RunAsync(ServeSettings settings)
    {
        await using var app = EmulatorApp.Build(settings);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? settings.Urls;
        var root = address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        if (app.Services.GetService<DevelopmentCertificate>() is { } certificate)
        {
            // Before the ready line, so whoever waits for that line can already read where the certificate is.
            Console.Out.WriteLine($"HTTPS certificate: {certificate.PemPath} (self-signed for 127.0.0.1, ::1 and localhost; SHA-256 {certificate.Sha256Fingerprint})");
        }

        Console.Out.WriteLine($"Klinky emulator listening on {root}");

        // The generated key is the emulator's own local dev key, printed so a user can use it; keys given with --api-key are the
        // caller's and are not echoed.
        Console.Out.WriteLine(settings.KeyGenerated
            ? $"API key: {settings.ApiKeys[0]}"
            : $"API keys: {settings.ApiKeys.Count} from --api-key (not shown)");
        Console.Out.WriteLine($"Plan: {settings.Plan} ({settings.HourlyLimit} requests/hour), profile: {settings.Profile.ToString().ToLowerInvariant()}, storage: {settings.DatabasePath ?? "in memory"}");
        Console.Out.Flush();
        await app.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }
}
