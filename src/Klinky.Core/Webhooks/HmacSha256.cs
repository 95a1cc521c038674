using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Klinky.Webhooks;

/// <summary>
/// The HMAC-SHA256 of the webhook signature (<see cref="WebhookSignature"/>) and of a report's saved data
/// (Reporting/ReportData): the MAC, its hex form, and a comparison that takes the same time whatever the bytes. Its own
/// type so the action can compile it in with ReportData (shared source) without the public WebhookSignature.
/// </summary>
internal static class HmacSha256
{
    public static byte[] Mac(string secret, string timestamp, string body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return hmac.ComputeHash(Encoding.UTF8.GetBytes(timestamp + "." + body));
    }

    public static string ToHex(byte[] bytes)
    {
        var builder = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            builder.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    // CryptographicOperations.FixedTimeEquals is not in netstandard2.0.
    public static bool FixedTimeEquals(byte[] a, byte[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        var difference = 0;
        for (var i = 0; i < a.Length; i++)
        {
            difference |= a[i] ^ b[i];
        }

        return difference == 0;
    }
}
