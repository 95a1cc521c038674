namespace Klinky.Stats;

/// <summary>
/// Turns raw per-variant counts into the contract's stats object. The one home of that computation:
/// the emulator's <c>/stats</c> route and the client's clicks-export fallback both call it.
/// </summary>
public static class StatsCalculator
{
    public static LinkStats Compute(string linkId, IReadOnlyList<VariantCounts> variants, int autoWinnerThreshold, string? winnerLabel, DateRange range)
    {
        throw new NotImplementedException();
    }
}
