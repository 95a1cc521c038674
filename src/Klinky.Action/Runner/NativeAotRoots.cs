using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Klinky.Action.Runner;

/// <summary>
/// The action ships as a Native AOT program, where System.Text.Json's reflection (Klinky.Core's <c>KlinkyJson</c>) can
/// only make generic types over value types whose code was compiled ahead of time. Klinky.Core's "null keeps the
/// default" rule builds a <c>JsonPropertyInfo&lt;T?&gt;</c> for every value-typed property of a response: these calls,
/// never run, make the compiler emit that code (property info, nullable converter, type info) for each such type. A
/// response gaining a property of a new value type needs it added here; the end-to-end tests run the native program.
/// </summary>
internal static class NativeAotRoots
{
    /// <summary>Set only to keep <see cref="Compile"/> reachable; no run ever sets it.</summary>
    internal static volatile bool Never;

    internal static void Keep()
    {
        if (Never)
        {
            Compile(new JsonSerializerOptions());
        }
    }

    private static void Compile(JsonSerializerOptions options)
    {
        Nullable<int>(options);
        Nullable<long>(options);
        Nullable<double>(options);
        Nullable<decimal>(options);
        Nullable<bool>(options);
        Nullable<DateTimeOffset>(options);
        Nullable<DateTime>(options);
        Nullable<TimeSpan>(options);
        Nullable<Guid>(options);
        Nullable<Klinky.Stats.StatsSource>(options);
        Nullable<Klinky.Reporting.ReportChart>(options);
        Nullable<Klinky.Ci.CiProvider>(options);
    }

    private static void Nullable<T>(JsonSerializerOptions options)
        where T : struct
    {
        var converter = JsonMetadataServices.GetNullableConverter<T>(options);
        JsonMetadataServices.CreateValueInfo<T?>(options, converter);
        JsonMetadataServices.CreatePropertyInfo(options, new JsonPropertyInfoValues<T?> { PropertyName = "_", PropertyTypeInfo = JsonMetadataServices.CreateValueInfo<T?>(options, converter) });
    }
}
