namespace Klinky.PowerShell.Errors;

/// <summary>Maps the API's field names (as Core's validator and the server report them) to the cmdlets' parameter names.</summary>
internal static class FieldParameters
{
    private static readonly Dictionary<string, string> ByField = new(StringComparer.Ordinal)
    {
        ["name"] = "Name",
        ["slug"] = "Slug",
        ["variants"] = "Variant",
        ["routing_type"] = "RoutingType",
        ["geo_rules"] = "GeoRule",
        ["auto_winner_threshold"] = "AutoWinnerThreshold",
        ["conversion_redirect_url"] = "ConversionRedirectUrl",
        ["end_date"] = "End",
        ["start_date"] = "Start",
        ["label"] = "Label",
        ["linkId"] = "Id",
        ["id"] = "Id",
    };

    /// <summary><c>variants[1].weight</c> is the parameter <c>Variant</c>; <c>geo_rules.US</c> is <c>GeoRule</c>.</summary>
    public static string? Of(string field)
    {
        var end = field.IndexOfAny(new[] { '[', '.' });
        var root = end < 0 ? field : field.Substring(0, end);
        return ByField.TryGetValue(root, out var parameter) ? parameter : null;
    }
}
