using System.Globalization;
using System.Text;

namespace Klinky.Webhooks;

/// <summary>
/// The <c>X-Klinky-Signature</c> header: <c>t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256(secret, t + "." + body)&gt;</c>.
/// One home for signing (the emulator) and verifying (receivers): old signatures are refused, and the
/// comparison takes the same time whatever the bytes, so the secret cannot be guessed byte by byte.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Klinky-Signature";

    /// <summary>The contract's replay window.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, DateTimeOffset timestamp, string body)
    {
        var t = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={t},v1={HmacSha256.ToHex(HmacSha256.Mac(secret, t, body))}";
    }

    public static WebhookVerification Verify(string secret, string? header, string body, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return WebhookVerification.Missing;
        }

        string? t = null;
        var signatures = new List<string>();
        foreach (var part in header!.Split(','))
        {
            var pair = part.Split(new[] { '=' }, 2);
            if (pair.Length != 2)
            {
                continue;
            }

            var name = pair[0].Trim();
            if (name == "t")
            {
                t = pair[1].Trim();
            }
            else if (name == "v1")
            {
                signatures.Add(pair[1].Trim());
            }
        }

        if (t is null || signatures.Count == 0 || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
            || unix > 253_402_300_799)
        {
            return WebhookVerification.Malformed;
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(unix);
        if (age.Duration() > (tolerance ?? DefaultTolerance))
        {
            return WebhookVerification.Expired;
        }

        var expected = Encoding.ASCII.GetBytes(HmacSha256.ToHex(HmacSha256.Mac(secret, t, body)));
        var matched = false;
        foreach (var signature in signatures)
        {
            matched |= HmacSha256.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
        }

        return matched ? WebhookVerification.Valid : WebhookVerification.Mismatch;
    }
}
