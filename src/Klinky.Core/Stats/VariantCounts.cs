namespace Klinky.Stats;

/// <summary>The raw counts of one variant: what the statistics are computed from.</summary>
public sealed record VariantCounts(string Label, int Weight, long Clicks, long Conversions);
