using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Klinky.Serialization;

/// <summary>
/// The one set of JSON conventions of the Klinky API (snake_case, ISO-8601, nulls left out of requests),
/// shared by the client and the emulator so both sides read and write the same wire format.
/// </summary>
internal static class KlinkyJson
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
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { NullKeepsDefault } },
        };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// FastAPI writes optional fields as <c>null</c>: for a Klinky response field of a value type (<c>is_active</c>,
    /// <c>auto_winner_threshold</c>, ...) null means "not given", so the property keeps its documented default instead
    /// of failing the whole answer.
    /// </summary>
    private static void NullKeepsDefault(JsonTypeInfo typeInfo)
    {
        var type = typeInfo.Type;
        if (typeInfo.Kind != JsonTypeInfoKind.Object || type.Namespace?.StartsWith("Klinky", StringComparison.Ordinal) != true
            || type.GetConstructor(BindingFlags.Public | BindingFlags.Instance, null, Type.EmptyTypes, null) is null)
        {
            // Types built through a constructor bind properties to parameters by type: leave them as they are.
            return;
        }

        for (var i = 0; i < typeInfo.Properties.Count; i++)
        {
            var property = typeInfo.Properties[i];
            if (!property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null || property.Set is not { } set)
            {
                continue;
            }

            var tolerant = typeInfo.CreateJsonPropertyInfo(typeof(Nullable<>).MakeGenericType(property.PropertyType), property.Name);
            tolerant.Get = property.Get;
            tolerant.Set = (target, value) =>
            {
                if (value is not null)
                {
                    set(target, value);
                }
            };
            tolerant.ShouldSerialize = property.ShouldSerialize;
            typeInfo.Properties[i] = tolerant;
        }
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);
}
