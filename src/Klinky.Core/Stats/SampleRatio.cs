namespace Klinky.Stats;

/// <summary>
/// The stats object's <c>sample_ratio</c>: whether visitors split as the weights say (<see cref="SampleRatioTest"/>).
/// On a mismatch no verdict is given: a split the weights do not explain makes every other figure untrustworthy.
/// </summary>
public sealed class SampleRatio
{
    /// <summary>True when the always-valid p-value is at most <see cref="SampleRatioTest.Alpha"/> (1%).</summary>
    public bool Mismatch { get; init; }

    /// <summary>Always-valid p-value (1 / Bayes factor, capped at 1): safe to read after every click.</summary>
    public double PValue { get; init; } = 1;

    /// <summary>Per variant, in the stats' order: its weight's share of the traffic.</summary>
    public IReadOnlyList<double> ExpectedShares { get; init; } = Array.Empty<double>();

    /// <summary>Per variant, in the stats' order: its share of the clicks so far.</summary>
    public IReadOnlyList<double> ObservedShares { get; init; } = Array.Empty<double>();
}
