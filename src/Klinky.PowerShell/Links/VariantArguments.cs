using System.Collections;
using System.Globalization;
using System.Management.Automation;
using Klinky.Links;

namespace Klinky.PowerShell.Links;

/// <summary>
/// Reads -Variant values as PowerShell users write them: Variant objects (New-KlinkyVariant), hashtables or objects with
/// Label/Url/Weight (keys case-insensitive, <c>DestinationUrl</c> and <c>destination_url</c> accepted), or the compact
/// string form of <see cref="VariantSpec"/>. Only reads the shape; the rules are <see cref="Validation.LinkValidator"/>'s.
/// </summary>
internal static class VariantArguments
{
    private static readonly string[] UrlKeys = { "Url", "DestinationUrl", "destination_url", "Destination" };

    public static bool TryRead(IEnumerable<object?> values, out IReadOnlyList<Variant> variants, out KlinkyFieldError? error)
    {
        var result = new List<Variant>();
        variants = result;
        error = null;
        foreach (var raw in values)
        {
            var value = raw is PSObject ps && ps.BaseObject is not PSCustomObject ? ps.BaseObject : raw;
            switch (value)
            {
                case Variant variant:
                    result.Add(variant);
                    break;
                case string text:
                    if (!VariantSpec.TryParse(text, out var parsed, out var parseError))
                    {
                        error = Shift(parseError!, result.Count);
                        return false;
                    }

                    result.AddRange(parsed);
                    break;
                case IDictionary dictionary:
                    if (!TryFromProperties(Lookup(dictionary), result.Count, out var fromTable, out error))
                    {
                        return false;
                    }

                    result.Add(fromTable!);
                    break;
                case not null:
                    // Any other object (CSV row, PSCustomObject, a Variant-like .NET object) is read by its properties.
                    var properties = PSObject.AsPSObject(value);
                    if (!TryFromProperties(name => properties.Properties[name]?.Value, result.Count, out var fromObject, out error))
                    {
                        return false;
                    }

                    result.Add(fromObject!);
                    break;
                default:
                    error = new KlinkyFieldError($"variants[{result.Count}]", $"a {value?.GetType().Name ?? "null"} is not a variant; use @{{Label='control'; Url='https://a.example'; Weight=50}}, New-KlinkyVariant or 'control:50=https://a.example'");
                    return false;
            }
        }

        return true;
    }

    private static Func<string, object?> Lookup(IDictionary dictionary)
    {
        var byName = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in dictionary)
        {
            byName[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? ""] = entry.Value;
        }

        return name => byName.TryGetValue(name, out var value) ? value : null;
    }

    private static bool TryFromProperties(Func<string, object?> property, int index, out Variant? variant, out KlinkyFieldError? error)
    {
        variant = null;
        error = null;
        var label = Text(property("Label"));
        var url = UrlKeys.Select(k => Text(property(k))).FirstOrDefault(v => v is not null);
        var weightValue = property("Weight");
        if (!LanguagePrimitives.TryConvertTo<int>(Unwrap(weightValue), CultureInfo.InvariantCulture, out var weight) || weightValue is null)
        {
            error = new KlinkyFieldError($"variants[{index}].weight", $"'{Unwrap(weightValue)}' is not a whole number; a weight is 0-100");
            return false;
        }

        variant = new Variant(label ?? "", url ?? "", weight);
        return true;
    }

    private static object? Unwrap(object? value) => value is PSObject ps ? ps.BaseObject : value;

    private static string? Text(object? value) => Unwrap(value) is { } v ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

    private static KlinkyFieldError Shift(KlinkyFieldError error, int offset)
    {
        if (offset == 0 || !error.Field.StartsWith("variants[", StringComparison.Ordinal))
        {
            return error;
        }

        var close = error.Field.IndexOf(']');
        var index = int.Parse(error.Field.Substring(9, close - 9), CultureInfo.InvariantCulture) + offset;
        return new KlinkyFieldError($"variants[{index}]" + error.Field.Substring(close + 1), error.Message);
    }
}
