using System.Text.Json.Serialization;

namespace Klinky.Stats;

/// <summary>
/// The stats object's <c>significant_since</c>: when the verdict first became significant, and it has stood since. A
/// class, not a record: callers read it; the verdict keeps or replaces it whole, and tests compare its fields.
/// </summary>
public sealed class SignificantSince
{
    /// <summary>The read that first found it, when the surface knew the time.</summary>
    [JsonInclude]
    public DateTimeOffset? At { get; internal init; }

    /// <summary>Visitors in the experiment (all variants) at that read.</summary>
    [JsonInclude]
    public long Visitors { get; internal init; }

    /// <summary>The recommended winner then, which stands.</summary>
    [JsonInclude]
    public string Winner { get; internal init; } = "";
}
