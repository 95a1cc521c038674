using System.Text.RegularExpressions;

namespace Klinky.Emulator.Http;

/// <summary>
/// Rewrites System.Text.Json's messages in the API's words: a client sees "an integer" or "an object", never the emulator's
/// .NET type names (<c>System.Int32</c>, <c>Klinky.Links.CreateLinkRequest</c>), which say nothing about the wire format.
/// </summary>
internal static partial class JsonTypeWords
{
    public static string Rewrite(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var sentence = cut > 0 ? message[..cut] : message;
        return TypeName().Replace(sentence, match => Word(match.Value));
    }

    private static string Word(string typeName)
    {
        var name = typeName.Trim('\'');
        if (name.StartsWith("System.Nullable`1[", StringComparison.Ordinal))
        {
            name = name["System.Nullable`1[".Length..].TrimEnd(']');
        }

        return name switch
        {
            "System.String" => "a string",
            "System.Boolean" => "a boolean",
            "System.Int32" or "System.Int64" or "System.Int16" or "System.Byte" => "an integer",
            "System.Double" or "System.Single" or "System.Decimal" => "a number",
            "System.DateTime" or "System.DateTimeOffset" => "an ISO-8601 date-time string",
            _ when name.Contains("List`1", StringComparison.Ordinal) || name.Contains("[]", StringComparison.Ordinal)
                || name.Contains("IReadOnlyList", StringComparison.Ordinal) || name.Contains("IEnumerable", StringComparison.Ordinal) => "an array",
            _ => "an object",
        };
    }

    // A namespace-qualified .NET type name, optionally quoted and generic (System.Collections.Generic.List`1[Klinky.Links.Variant]).
    [GeneratedRegex(@"'?\b(?:System|Klinky|Microsoft)(?:\.[A-Za-z_][A-Za-z0-9_`]*)+(?:\[[^\]\s]*\]+)?'?")]
    private static partial Regex TypeName();
}
