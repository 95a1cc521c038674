namespace Klinky.Stats;

/// <summary>The values of a stats object's <c>verdict_basis</c>: what its verdict rests on.</summary>
public static class VerdictBasis
{
    /// <summary>The previous reads too: a verdict, once reached, stands (the surface kept a <see cref="VerdictMemory"/>).</summary>
    public const string History = "history";

    /// <summary>This read's counts alone (no memory): a verdict found earlier may not show.</summary>
    public const string CurrentLook = "current_look";

    /// <summary>No verdict: see <c>verdict_withheld</c>.</summary>
    public const string FiguresOnly = "figures_only";
}
