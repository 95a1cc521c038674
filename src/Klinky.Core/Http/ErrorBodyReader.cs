using System.Text.Json;

namespace Klinky.Http;

/// <summary>
/// Reads Klinky's error body: <c>{"detail": "..."}</c> or FastAPI's <c>{"detail": [{"loc": [...], "msg": "..."}]}</c>,
/// and describes anything else (a proxy's HTML page, an empty or truncated body) in words instead of a parser trace.
/// </summary>
internal static class ErrorBodyReader
{
    public static (string? Detail, IReadOnlyList<KlinkyFieldError> FieldErrors, string Description) Read(string body)
    {
        var fieldErrors = new List<KlinkyFieldError>();
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, fieldErrors, "an empty body");
        }

        var trimmed = body.TrimStart();
        if (trimmed.StartsWith("<", StringComparison.Ordinal))
        {
            return (null, fieldErrors, "an HTML page instead of Klinky JSON (a proxy or gateway error?)");
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("detail", out var detail))
            {
                return (null, fieldErrors, "JSON without a 'detail'");
            }

            if (detail.ValueKind == JsonValueKind.String)
            {
                var text = detail.GetString();
                return (text, fieldErrors, text ?? "");
            }

            if (detail.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in detail.EnumerateArray())
                {
                    fieldErrors.Add(ReadListItem(item));
                }

                var flat = string.Join("; ", fieldErrors.Select(e => e.ToString()));
                return (flat, fieldErrors, flat);
            }

            var raw = detail.GetRawText();
            return (raw, fieldErrors, raw);
        }
        catch (JsonException)
        {
            return (null, fieldErrors, "a body that is not valid JSON (truncated, or not from Klinky?)");
        }
    }

    private static KlinkyFieldError ReadListItem(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return new KlinkyFieldError("request", item.ToString());
        }

        var message = item.TryGetProperty("msg", out var msg) && msg.ValueKind == JsonValueKind.String ? msg.GetString() ?? "" : item.GetRawText();
        var field = "request";
        if (item.TryGetProperty("loc", out var loc) && loc.ValueKind == JsonValueKind.Array)
        {
            field = FormatLocation(loc);
        }

        return new KlinkyFieldError(field, message);
    }

    // FastAPI locations look like ["body", "variants", 1, "weight"]; users know the field as variants[1].weight.
    private static string FormatLocation(JsonElement loc)
    {
        var builder = new System.Text.StringBuilder();
        var first = true;
        foreach (var part in loc.EnumerateArray())
        {
            if (first && part.ValueKind == JsonValueKind.String && part.GetString() is "body" or "query" or "path")
            {
                first = false;
                continue;
            }

            first = false;
            if (part.ValueKind == JsonValueKind.Number)
            {
                builder.Append('[').Append(part.GetRawText()).Append(']');
            }
            else
            {
                if (builder.Length > 0)
                {
                    builder.Append('.');
                }

                builder.Append(part.ToString());
            }
        }

        return builder.Length == 0 ? "request" : builder.ToString();
    }
}
