using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Klinky.Build.Links;

/// <summary>
/// The Idempotency-Key of a create, derived from what is created: a retried or re-run build sends the same key with
/// the same body, so the server replays its first answer instead of creating a second link.
/// </summary>
internal static class IdempotencyKeys
{
    public static string For(PreviewLinkDefinition definition)
    {
        var canonical = new StringBuilder()
            .Append(definition.Slug).Append('\n')
            .Append(definition.Name).Append('\n');
        foreach (var variant in definition.Variants)
        {
            canonical.Append(variant.Label).Append('\t')
                .Append(variant.DestinationUrl).Append('\t')
                .Append(variant.Weight.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()));
        return "klinky-build-" + Convert.ToHexString(hash, 0, 16).ToLowerInvariant();
    }
}
