namespace Klinky.Testing;

/// <summary>Command-line settings for a test's own emulator process (see docs/emulator.md).</summary>
public sealed class EmulatorOptions
{
    /// <summary>Keys to accept (each its own workspace); one random key when empty.</summary>
    public IReadOnlyList<string> ApiKeys { get; init; } = Array.Empty<string>();

    /// <summary><c>growth</c>, <c>scale</c> or <c>unlimited</c>.</summary>
    public string Plan { get; init; } = "unlimited";

    /// <summary>The test-only <c>--rate-limit LIMIT/WINDOW</c> (e.g. <c>100/60s</c>), given instead of <see cref="Plan"/>; null for the plan's hour.</summary>
    public string? RateLimit { get; init; }

    /// <summary><c>full</c> (D, I and P rows) or <c>documented</c> (only D and I rows).</summary>
    public string Profile { get; init; } = "full";

    /// <summary>A <c>--chaos</c> spec such as <c>error-rate=0.3</c>; null for none.</summary>
    public string? Chaos { get; init; }

    /// <summary>A SQLite file; null for <c>--in-memory</c>.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>Listen on https with the emulator's generated certificate (see <see cref="EmulatorProcess.CertificatePath"/>).</summary>
    public bool Https { get; init; }

    /// <summary>Fixed port (for restarts on the same URL); 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The whole <c>--urls</c> value (e.g. a loopback port and a Unix socket); null for 127.0.0.1 on <see cref="Port"/>.</summary>
    public string? Urls { get; init; }

    public IReadOnlyList<string> ExtraArguments { get; init; } = Array.Empty<string>();
}
