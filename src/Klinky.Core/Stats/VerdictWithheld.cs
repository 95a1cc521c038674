namespace Klinky.Stats;

/// <summary>The values of a stats object's <c>verdict_withheld</c>: why a read gives figures and no verdict.</summary>
public static class VerdictWithheld
{
    /// <summary>The visitors do not split as the weights say (<see cref="SampleRatioTest"/>).</summary>
    public const string SampleRatioMismatch = "sample_ratio_mismatch";

    /// <summary>A date range that does not start at the experiment's start: the guarantee covers the experiment from its start only.</summary>
    public const string DateRange = "date_range";
}
