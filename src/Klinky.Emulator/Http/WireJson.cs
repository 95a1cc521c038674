using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Klinky.Serialization;

namespace Klinky.Emulator.Http;

/// <summary>
/// Klinky's JSON conventions (<see cref="KlinkyJson"/>) for answers: the same options, except that nulls are written
/// (<c>"winner_label": null</c>) as the contract's examples show, where the client leaves them out of requests.
/// </summary>
internal static class WireJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// Makes the framework's options (which ASP.NET Core owns and only lets us mutate) a copy of <see cref="Options"/>: every
    /// settable option is copied rather than listed here, so a convention added to <see cref="KlinkyJson"/> reaches the
    /// emulator's answers without a second edit.
    /// </summary>
    public static void Apply(JsonSerializerOptions target)
    {
        foreach (var property in typeof(JsonSerializerOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property is { CanRead: true, CanWrite: true } && property.GetIndexParameters().Length == 0)
            {
                property.SetValue(target, property.GetValue(Options));
            }
        }

        foreach (var converter in Options.Converters)
        {
            target.Converters.Add(converter);
        }
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(KlinkyJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };
        options.Converters.Add(new UtcTimeConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
