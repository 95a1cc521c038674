namespace Klinky.Http;

/// <summary>
/// Replaces the API key wherever it appears. The key travels only in a header, but a base URL, a proxy's message or a
/// server's detail could still echo it: nothing the client shows (logs, exception messages, details) may carry it.
/// </summary>
internal sealed class SecretRedactor
{
    public const string Mark = "[redacted]";
    private readonly string? _secret;

    public SecretRedactor(string? secret) => _secret = string.IsNullOrEmpty(secret) ? null : secret;

    public string Redact(string text) => Redact(text, _secret);

    public static string Redact(string text, string? secret) =>
        string.IsNullOrEmpty(secret) || text.IndexOf(secret, StringComparison.Ordinal) < 0 ? text : text.Replace(secret, Mark);
}
