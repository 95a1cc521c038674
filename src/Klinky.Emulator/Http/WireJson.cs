using System.Text.Json;
using System.Text.Json.Serialization;
using Klinky.Serialization;

namespace Klinky.Emulator.Http;

/// <summary>
/// Klinky's JSON conventions (<see cref="KlinkyJson"/>) for answers: the same snake_case names, but nulls are written
/// (<c>"winner_label": null</c>) as the contract's examples show, where the client leaves them out of requests.
/// </summary>
internal static class WireJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static void Apply(JsonSerializerOptions target)
    {
        target.PropertyNamingPolicy = KlinkyJson.Options.PropertyNamingPolicy;
        target.DictionaryKeyPolicy = null;
        target.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        target.PropertyNameCaseInsensitive = true;
        target.NumberHandling = JsonNumberHandling.Strict;
        target.Converters.Add(new UtcTimeConverter());
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(KlinkyJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };
        options.Converters.Add(new UtcTimeConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
