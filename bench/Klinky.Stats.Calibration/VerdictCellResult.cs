namespace Klinky.Stats.Calibration;

/// <summary>What the two rules did in one cell.</summary>
internal sealed record VerdictCellResult(
    int Experiments, int NewWinners, int NewWrong, int TodayWinners, int TodayWrong, int NewFlips, int TodayFlips, int NewSignificant, int TodaySignificant,
    int SrmFlags, int SrmFlagsBy20k, int NewMiss, int TodayMiss)
{
    public double Share(int count) => count / (double)Experiments;
}
