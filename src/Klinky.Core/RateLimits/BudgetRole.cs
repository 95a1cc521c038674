namespace Klinky.RateLimits;

/// <summary>Who is spending the key's shared budget, which decides whether it may spend into the reserve.</summary>
internal enum BudgetRole
{
    /// <summary>A build creating its preview link: what the pull request needs, so it may spend the reserve too.</summary>
    Build,

    /// <summary>A report refreshing figures: it can wait, so it never spends into the reserve left to builds.</summary>
    Report,
}
