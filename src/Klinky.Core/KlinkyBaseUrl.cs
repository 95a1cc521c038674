using Klinky.Http;

namespace Klinky;

/// <summary>
/// The base-URL rule every surface applies before a request is spent: an absolute http(s) URL, the API's root up to and
/// including <c>/api/v1</c> (e.g. <see cref="KlinkyClientOptions.DefaultBaseUrl"/>).
/// </summary>
internal static class KlinkyBaseUrl
{
    /// <summary>The field name errors carry.</summary>
    public const string Field = "base_url";

    /// <summary>
    /// Null when <paramref name="baseUrl"/> is usable; else the error to show. The message quotes the value, except
    /// where it contains <paramref name="apiKey"/> (a key pasted into the wrong box): that is shown as <c>[redacted]</c>.
    /// </summary>
    public static KlinkyFieldError? Check(string? baseUrl, string? apiKey = null)
    {
        var value = baseUrl?.Trim() ?? "";
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
        {
            return null;
        }

        return new KlinkyFieldError(Field, $"'{SecretRedactor.Redact(value, apiKey)}' is not an absolute http(s) URL; give the API's base, e.g. {KlinkyClientOptions.DefaultBaseUrl}");
    }

    internal static string Normalize(string? baseUrl, string? apiKey)
    {
        var value = string.IsNullOrWhiteSpace(baseUrl) ? KlinkyClientOptions.DefaultBaseUrl : baseUrl!.Trim();
        if (Check(value, apiKey) is { } error)
        {
            throw new KlinkyValidationException(new[] { error });
        }

        return value.TrimEnd('/');
    }
}
