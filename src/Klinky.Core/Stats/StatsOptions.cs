namespace Klinky.Stats;

/// <summary>The optional inputs of <see cref="StatsCalculator.Compute(string, IReadOnlyList{VariantCounts}, int, string?, DateRange, StatsOptions?)"/>.</summary>
public sealed class StatsOptions
{
    /// <summary>The relative uplift <see cref="LinkStats.VisitorsNeeded"/> is planned for (0.2 for +20%).</summary>
    public double MinimumEffect { get; init; } = AlwaysValidTest.DefaultMinimumEffect;

    /// <summary>The previous read's <see cref="LinkStats.Memory"/>: with it the verdict is sticky; without it the stats show the current look.</summary>
    public VerdictMemory? Previous { get; init; }

    /// <summary>
    /// True when the caller keeps <see cref="LinkStats.Memory"/> and passes it back as <see cref="Previous"/> next time
    /// (the emulator's database, the action's comment): the stats then say the verdict rests on the history, from the
    /// first read on. False: they say they show the current look.
    /// </summary>
    public bool KeepsMemory { get; init; }

    /// <summary>The time of this read: stamps <see cref="SignificantSince.At"/> and turns visitors still needed into days.</summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>
    /// When the experiment started (the link's creation). A date-ranged read whose window starts later gives figures,
    /// not a verdict; with <see cref="Now"/> it also gives the traffic rate behind <see cref="LinkStats.DaysNeeded"/>.
    /// </summary>
    public DateTimeOffset? ExperimentStart { get; init; }
}
