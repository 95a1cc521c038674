namespace Klinky.OrgSimulation;

/// <summary>One simulated organisation: its repositories, the compressed budget window, and the load.</summary>
public sealed record SimulationOptions
{
    public int Seed { get; init; } = 20;

    public int Repositories { get; init; } = 6;

    /// <summary>The emulator's test-only window: <see cref="Budget"/> requests per this many seconds (a compressed hour).</summary>
    public int WindowSeconds { get; init; } = 30;

    public int Budget { get; init; } = 12;

    /// <summary>How many windows each load runs for.</summary>
    public int Windows { get; init; } = 2;

    /// <summary>The report's reserve for builds: a fifth of the budget, as 20 of Growth's 100.</summary>
    public int Reserve => Math.Max(1, Budget / 5);

    /// <summary>The refresh interval: a sixth of the window, as 10 minutes of an hour.</summary>
    public TimeSpan RefreshAfter => TimeSpan.FromSeconds(WindowSeconds / 6.0);

    /// <summary>Share of pushes that open a new pull request (its build must create the link).</summary>
    public double NewPullRequestShare { get; init; } = 0.3;

    /// <summary>Pushes running at once (the machine's CI runners).</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>Requests per push before issue 20, with one link: the build's lookup, the report's listing and its stats read.</summary>
    public const int TodayRequestsPerPush = 3;

    /// <summary>Pushes per window the budget carries at today's cost; the load factor multiplies it.</summary>
    public int CarriedPushesPerWindow => Math.Max(1, Budget / TodayRequestsPerPush);
}
