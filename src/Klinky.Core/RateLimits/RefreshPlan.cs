namespace Klinky.RateLimits;

/// <summary>Which items a job refreshes now (stalest first) and which keep their saved figures, for the budget it may spend.</summary>
internal sealed class RefreshPlan<T>
{
    internal RefreshPlan(IReadOnlyList<T> refresh, IReadOnlyList<T> keep)
    {
        Refresh = refresh;
        Keep = keep;
    }

    /// <summary>The items to read again, stalest (or never read) first.</summary>
    public IReadOnlyList<T> Refresh { get; }

    /// <summary>The items the budget does not reach this time: shown from their saved figures.</summary>
    public IReadOnlyList<T> Keep { get; }
}
