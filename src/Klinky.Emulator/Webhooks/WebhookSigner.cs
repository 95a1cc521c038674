using System.Security.Cryptography;
using System.Text;

namespace Klinky.Emulator.Webhooks;

/// <summary><c>X-Klinky-Signature: t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256(secret, t + "." + body)&gt;</c>.</summary>
internal static class WebhookSigner
{
    public static string Sign(string secret, long unixSeconds, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(unixSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + body));
        return $"t={unixSeconds},v1={Convert.ToHexStringLower(mac)}";
    }
}
