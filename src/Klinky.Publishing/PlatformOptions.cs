namespace Klinky.Publishing;

/// <summary>What every platform client shares: who is calling, how long a rate limit is sat out, the clock.</summary>
public sealed class PlatformOptions
{
    /// <summary>Sent as User-Agent (Klinky.Action/1.2.3, Klinky.PowerShell/1.2.3).</summary>
    public string UserAgent { get; init; } = "Klinky.Publishing";

    /// <summary>The longest rate-limit wait sat out (once) before reporting the limit instead.</summary>
    public TimeSpan MaxRateLimitWait { get; init; } = TimeSpan.FromSeconds(60);

    public TimeProvider Time { get; init; } = TimeProvider.System;
}
