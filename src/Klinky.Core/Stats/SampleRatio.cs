using System.Text.Json.Serialization;

namespace Klinky.Stats;

/// <summary>
/// The stats object's <c>sample_ratio</c>: whether visitors split as the weights say (<see cref="SampleRatioTest"/>).
/// On a mismatch no verdict is given: a split the weights do not explain makes every other figure untrustworthy.
/// </summary>
public sealed class SampleRatio
{
    /// <summary>True when the always-valid p-value is at most <see cref="SampleRatioTest.Alpha"/> (1%).</summary>
    [JsonInclude]
    public bool Mismatch { get; internal init; }

    /// <summary>Always-valid p-value (1 / Bayes factor, capped at 1): safe to read after every click.</summary>
    [JsonInclude]
    public double PValue { get; internal init; } = 1;

    /// <summary>Per variant, in the stats' order: its weight's share of the traffic.</summary>
    [JsonInclude]
    public IReadOnlyList<double> ExpectedShares { get; internal init; } = Array.Empty<double>();

    /// <summary>Per variant, in the stats' order: its share of the clicks so far.</summary>
    [JsonInclude]
    public IReadOnlyList<double> ObservedShares { get; internal init; } = Array.Empty<double>();
}
