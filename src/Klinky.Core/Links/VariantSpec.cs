using System.Globalization;

namespace Klinky.Links;

/// <summary>
/// The compact text form of a link's variants, for CSV columns and command lines:
/// <c>control:50=https://a.example/x variant_b:50=https://b.example/y</c> (label:weight=URL, separated by spaces).
/// Parsing only reads the form; whether the variants make a valid link is <see cref="Validation.LinkValidator"/>'s call.
/// </summary>
internal static class VariantSpec
{
    /// <summary>Parses the compact form; throws <see cref="KlinkyValidationException"/> naming the malformed entry.</summary>
    public static IReadOnlyList<Variant> Parse(string spec)
    {
        if (!TryParse(spec, out var variants, out var error))
        {
            throw new KlinkyValidationException(new[] { error! });
        }

        return variants;
    }

    public static bool TryParse(string? spec, out IReadOnlyList<Variant> variants, out KlinkyFieldError? error)
    {
        variants = Array.Empty<Variant>();
        error = null;
        var entries = (spec ?? "").Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries);
        if (entries.Length == 0)
        {
            error = new KlinkyFieldError("variants", "is empty; expected label:weight=URL entries such as 'control:50=https://a.example/x'");
            return false;
        }

        var parsed = new List<Variant>(entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            if (SeparatedByComma(entries, i))
            {
                // "a:50=URL,b:50=URL" would otherwise read as one variant whose URL holds the next one: say what to write.
                error = new KlinkyFieldError($"variants[{i}]", $"'{entries[i]}' joins variants with a comma; separate variants with spaces, as in 'control:50=https://a.example/x variant_b:50=https://b.example/y'");
                return false;
            }

            if (!TryParseEntry(entries[i], out var variant))
            {
                error = new KlinkyFieldError($"variants[{i}]", $"'{entries[i]}' is not label:weight=URL (for example 'control:50=https://a.example/x')");
                return false;
            }

            parsed.Add(variant!);
        }

        variants = parsed;
        return true;
    }

    /// <summary>The compact form of <paramref name="variants"/>; <see cref="Parse"/> reads it back.</summary>
    public static string Format(IEnumerable<Variant> variants) =>
        string.Join(" ", variants.Select(v => $"{v.Label}:{v.Weight.ToString(CultureInfo.InvariantCulture)}={v.DestinationUrl}"));

    // A URL may hold commas (?ids=1,2), but not a comma right before another label:weight= entry, nor end in one
    // when another entry follows.
    private static bool SeparatedByComma(string[] entries, int index)
    {
        var entry = entries[index];
        if (entry.EndsWith(",", StringComparison.Ordinal) && index < entries.Length - 1)
        {
            return true;
        }

        for (var comma = entry.IndexOf(','); comma >= 0; comma = entry.IndexOf(',', comma + 1))
        {
            if (TryParseEntry(entry.Substring(comma + 1), out var next) && next!.DestinationUrl.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    // The URL may itself hold ':' and '=', so the first '=' ends the label:weight part, and its last ':' splits it.
    private static bool TryParseEntry(string entry, out Variant? variant)
    {
        variant = null;
        var equals = entry.IndexOf('=');
        if (equals <= 0 || equals == entry.Length - 1)
        {
            return false;
        }

        var head = entry.Substring(0, equals);
        var colon = head.LastIndexOf(':');
        if (colon <= 0
            || !int.TryParse(head.Substring(colon + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var weight))
        {
            return false;
        }

        variant = new Variant(head.Substring(0, colon), entry.Substring(equals + 1), weight);
        return true;
    }
}
