namespace Klinky.Action.Runner;

/// <summary>
/// Last line of defence for the API key and the GitHub token: every message the action prints passes through here,
/// so a secret echoed by a library or a server never reaches the log, even outside GitHub where no mask applies.
/// </summary>
internal sealed class SecretRedactor
{
    private readonly List<string> _secrets = new();

    public void Add(string? secret)
    {
        // Very short values would redact ordinary words; real keys and tokens are long.
        if (!string.IsNullOrWhiteSpace(secret) && secret.Trim().Length >= 6)
        {
            _secrets.Add(secret.Trim());
        }
    }

    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return text;
    }
}
