using System.Text.Json;
using System.Text.Json.Serialization;

namespace Klinky.Serialization;

/// <summary>
/// The one set of JSON conventions of the Klinky API (snake_case, ISO-8601, nulls left out of requests),
/// shared by the client and the emulator so both sides read and write the same wire format.
/// </summary>
public static class KlinkyJson
{
    /// <summary>Options for reading and writing Klinky JSON. Read-only: do not mutate.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = true,
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);
}
