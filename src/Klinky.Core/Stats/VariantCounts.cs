namespace Klinky.Stats;

/// <summary>
/// The raw counts of one variant: what the statistics are computed from. A class, not a record: counts are passed in
/// and read, never compared or copied by callers, so value equality, <c>with</c> and deconstruction were only public
/// API without a use.
/// </summary>
public sealed class VariantCounts
{
    // The parameters keep the record's names: named arguments in callers' code, and JSON bound through them, keep working.
    public VariantCounts(string Label, int Weight, long Clicks, long Conversions)
    {
        this.Label = Label;
        this.Weight = Weight;
        this.Clicks = Clicks;
        this.Conversions = Conversions;
    }

    public string Label { get; }

    public int Weight { get; }

    public long Clicks { get; }

    public long Conversions { get; }
}
