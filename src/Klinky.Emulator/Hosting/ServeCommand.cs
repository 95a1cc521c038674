using Klinky.Emulator.CommandLine;
using Klinky.Emulator.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Klinky.Emulator.Hosting;

/// <summary>Runs the emulator until Ctrl+C or SIGTERM, after printing the ready lines tests and scripts wait for.</summary>
internal static class ServeCommand
{
    /// <exception cref="DatabaseUnusableException">The database cannot be opened, read or written (checked before anything is served).</exception>
    public static async Task<int> RunAsync(ServeSettings settings, TextWriter output, TextWriter error)
    {
        using var database = new Database(settings.DatabasePath);
        try
        {
            settings = settings.WithKeys();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && settings.DatabasePath is not null)
        {
            throw new DatabaseUnusableException(settings.DatabasePath, $"its dev key file {DevKeyFile.PathFor(settings.DatabasePath)} cannot be written ({ex.Message})");
        }

        await using var app = EmulatorApp.Build(settings, database);
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? settings.Urls;
        var root = address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        if (app.Services.GetService<DevelopmentCertificate>() is { } certificate)
        {
            // Before the ready line, so whoever waits for that line can already read where the certificate is.
            await output.WriteLineAsync($"HTTPS certificate: {certificate.PemPath} (self-signed for 127.0.0.1, ::1 and localhost; SHA-256 {certificate.Sha256Fingerprint})").ConfigureAwait(false);
        }

        await output.WriteLineAsync($"Klinky emulator listening on {root}").ConfigureAwait(false);

        // The base URL clients are given: the root serves redirects, and a client pointed at it would get the framework's 404s.
        await output.WriteLineAsync($"API base URL: {root}/api/v1").ConfigureAwait(false);

        // The generated key is the emulator's own local dev key, printed so a user can use it; keys given with --api-key or
        // KLINKY_API_KEY are the caller's and are not echoed.
        await output.WriteLineAsync(settings.KeyGenerated
            ? $"API key: {settings.ApiKeys[0]}"
            : $"API keys: {settings.ApiKeys.Count} from --api-key or {ApiKeyInput.Variable} (not shown)").ConfigureAwait(false);
        var budget = settings.RateWindow == ServeSettings.Hour
            ? $"{settings.Plan} ({settings.HourlyLimit} requests/hour)"
            : $"test window ({settings.HourlyLimit} requests per {settings.RateWindow.TotalSeconds:0} s)";
        await output.WriteLineAsync($"Plan: {budget}, profile: {settings.Profile.ToString().ToLowerInvariant()}, storage: {settings.DatabasePath ?? "in memory"}").ConfigureAwait(false);
        await output.FlushAsync().ConfigureAwait(false);
        await app.WaitForShutdownAsync().ConfigureAwait(false);
        return 0;
    }
}
