using Klinky.Emulator.Chaos;

namespace Klinky.Emulator.CommandLine;

/// <summary>Everything <c>klinky-emulator</c> (serve) was told on its command line.</summary>
internal sealed record ServeSettings
{
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    public IReadOnlyList<string> ApiKeys { get; init; } = Array.Empty<string>();

    /// <summary>True when the key is the emulator's own dev key (then it is printed: it is a local dev key, not a user's secret).</summary>
    public bool KeyGenerated { get; init; }

    public string Plan { get; init; } = "unlimited";

    public int HourlyLimit { get; init; } = ServePlan.Unlimited;

    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>The budget's window: an hour, or shorter with the test-only <c>--rate-limit</c> (then HourlyLimit is per this window).</summary>
    public TimeSpan RateWindow { get; init; } = Hour;

    public ServeProfile Profile { get; init; } = ServeProfile.Full;

    /// <summary>The SQLite file, or null with <c>--in-memory</c>.</summary>
    public string? DatabasePath { get; init; }

    public ChaosSpec? Chaos { get; init; }

    /// <summary>The dashboard also answers other addresses than loopback, behind a login with an API key.</summary>
    public bool DashboardRemote { get; init; }

    public static string DefaultDatabasePath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "klinky", "emulator.db");

    /// <summary>
    /// These settings with a key to serve: the given ones, or else the database's dev key (kept beside it in <c>PATH.key</c>),
    /// or a fresh one in memory.
    /// </summary>
    /// <exception cref="IOException">The dev key file cannot be read or written.</exception>
    public ServeSettings WithKeys() => ApiKeys.Count > 0 ? this : this with
    {
        ApiKeys = new[] { DatabasePath is null ? GenerateKey() : DevKeyFile.ReadOrCreate(DatabasePath) },
        KeyGenerated = true,
    };

    public static string GenerateKey() => "klinky_live_" + Guid.NewGuid().ToString("N");
}
