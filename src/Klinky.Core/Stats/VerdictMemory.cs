using System.Text.Json.Serialization;

namespace Klinky.Stats;

/// <summary>
/// What a surface with memory keeps between reads so the verdict does not go back: the always-valid guarantee covers
/// the first crossing, so once a variant's interval has excluded 0 its verdict stands. Pass the previous read's
/// <see cref="LinkStats.Memory"/> as <see cref="StatsOptions.Previous"/>; keep the one that comes back. Plain data,
/// serialisable with <c>KlinkyJson</c>, so it can live in a database row or a report comment's hidden state.
/// Opaque to callers: they keep it and pass it back, never read into it, so its fields are internal (serialised
/// through <c>[JsonInclude]</c>) and can change without breaking anyone; nothing compares two memories (the emulator
/// compares their JSON), so it is a class, not a record.
/// </summary>
public sealed class VerdictMemory
{
    /// <summary>The variants' labels and weights, in order (<see cref="Fingerprint"/>): a change of either starts the experiment over.</summary>
    [JsonInclude]
    internal string Fingerprint { get; init; } = "";

    /// <summary>When this experiment started (the link's creation, or the last change of variants or weights), when known.</summary>
    [JsonInclude]
    internal DateTimeOffset? StartedAt { get; init; }

    /// <summary>Each variant's counts when the experiment restarted: later reads count from them. Empty from the link's start.</summary>
    [JsonInclude]
    internal IReadOnlyList<VariantCounts> Baseline { get; init; } = Array.Empty<VariantCounts>();

    /// <summary>Label → <see cref="VariantVerdict.Better"/> or <see cref="VariantVerdict.Worse"/>, as first reached.</summary>
    [JsonInclude]
    internal IReadOnlyDictionary<string, string> Verdicts { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Label → the running intersection of the variant's always-valid difference intervals, [low, high]. The intervals
    /// cover the truth at every look at once (that is their promise), so their intersection covers it too, and it never
    /// widens: once it excludes 0 it always will, so the interval shown agrees with the verdict that stands.
    /// </summary>
    [JsonInclude]
    internal IReadOnlyDictionary<string, IReadOnlyList<double>> Intervals { get; init; } = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);

    /// <summary>Label → the running intersection of the variant's always-valid uplift intervals, [low, high].</summary>
    [JsonInclude]
    internal IReadOnlyDictionary<string, IReadOnlyList<double>> UpliftIntervals { get; init; } = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);

    /// <summary>Since when, and at how many visitors, the link's verdict has been significant; null while it is not.</summary>
    [JsonInclude]
    internal SignificantSince? SignificantSince { get; init; }

    /// <summary>The fingerprint of a link's variants: labels and weights in order (the first is the control unless one is called control).</summary>
    internal static string FingerprintOf(IReadOnlyList<VariantCounts> variants)
    {
        Guard.NotNull(variants, nameof(variants));
        return string.Join("|", variants.Select(v => v.Label + "=" + v.Weight.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
