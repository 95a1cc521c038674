using System.Collections;
using System.Globalization;

namespace Klinky.PowerShell.Links;

/// <summary>-GeoRule @{US='control'; default='variant_b'} as the API's map of country code to variant label.</summary>
internal static class GeoRules
{
    public static IReadOnlyDictionary<string, string>? From(Hashtable? table)
    {
        if (table is null)
        {
            return null;
        }

        var rules = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in table)
        {
            rules[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? ""] = Convert.ToString(entry.Value, CultureInfo.InvariantCulture) ?? "";
        }

        return rules;
    }
}
