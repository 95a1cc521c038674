using Klinky.RateLimits;

namespace Klinky.PowerShell.Connection;

/// <summary>The session's connection to Klinky, as <c>Get-KlinkyConnection</c> shows it. Holds the key but never shows it.</summary>
public sealed class KlinkyConnection
{
    internal KlinkyConnection(KlinkyClient client, string source, DateTimeOffset connectedAt)
    {
        Client = client;
        Source = source;
        ConnectedAt = connectedAt;
    }

    public string BaseUrl => Client.BaseUrl;

    /// <summary>Where the key came from: <c>Connect-Klinky</c> or the <c>KLINKY_API_KEY</c> environment variable.</summary>
    public string Source { get; }

    public DateTimeOffset ConnectedAt { get; }

    /// <summary>Requests this connection has sent that spend the hourly budget, retries included (the free rate-limit read is not counted).</summary>
    public long RequestsSent => Client.RequestsSent;

    /// <summary>The budget as the last answer reported it (or Connect-Klinky's check read it); empty before the first request.</summary>
    public RateLimitState? RateLimit => Client.RateLimit ?? Verified;

    /// <summary>The budget Connect-Klinky read to verify the key and URL; null with -SkipVerify.</summary>
    internal RateLimitState? Verified { get; set; }

    internal KlinkyClient Client { get; }

    /// <summary>The key, kept only to take it out of messages; never shown.</summary>
    internal string? Secret { private get; set; }

    /// <summary>The text with every occurrence of the key replaced by <c>[redacted]</c>.</summary>
    internal string Redact(string text) => Http.SecretRedactor.Redact(text, Secret);

    public override string ToString() => BaseUrl;
}
