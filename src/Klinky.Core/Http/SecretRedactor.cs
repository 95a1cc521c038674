namespace Klinky.Http;

/// <summary>
/// The one redaction rule and its one mark, for every product: replaces the API key (and the Action's GitHub token)
/// wherever it appears. The key travels only in a header, but a base URL, a proxy's message or a server's detail could
/// still echo it: nothing a product shows (logs, exception messages, details, build diagnostics, error records) may carry
/// it. Klinky.Build, Klinky.PowerShell and Klinky.Action compile this file in (shared source) rather than reaching into
/// Core's internals.
/// </summary>
internal sealed class SecretRedactor
{
    /// <summary>What a secret is replaced with, everywhere.</summary>
    public const string Mark = "[redacted]";

    // Secrets added from inputs (Add) shorter than this are ignored: they would redact ordinary words, and real keys and
    // tokens are long. A key given to the constructor or the static Redact is always redacted: it is the key in use.
    private const int MinimumAddedLength = 6;
    private readonly List<string> _secrets = new();

    public SecretRedactor(string? secret = null)
    {
        if (!string.IsNullOrEmpty(secret))
        {
            _secrets.Add(secret!);
        }
    }

    /// <summary>Another secret to redact (the Action's token); blank or very short values are ignored.</summary>
    public void Add(string? secret)
    {
        var trimmed = secret?.Trim();
        if (trimmed is { Length: >= MinimumAddedLength })
        {
            _secrets.Add(trimmed);
        }
    }

    public string Redact(string text)
    {
        foreach (var secret in _secrets)
        {
            text = Redact(text, secret);
        }

        return text;
    }

    public static string Redact(string text, string? secret) =>
        string.IsNullOrEmpty(secret) || text.IndexOf(secret, StringComparison.Ordinal) < 0 ? text : text.Replace(secret, Mark);
}
