namespace Klinky.OrgSimulation;

/// <summary>One simulated organisation: its repositories, the compressed budget window, and the load.</summary>
public sealed record SimulationOptions
{
    public int Seed { get; init; } = 20;

    public int Repositories { get; init; } = 6;

    /// <summary>The emulator's test-only window: <see cref="Budget"/> requests per this many seconds (a compressed hour).</summary>
    public int WindowSeconds { get; init; } = 40;

    public int Budget { get; init; } = 20;

    /// <summary>How many windows each load runs for.</summary>
    public int Windows { get; init; } = 2;

    /// <summary>
    /// The report's reserve for builds: a fifth of the budget, as 20 of Growth's 100, and at least one request per runner
    /// (reports running at once may each spend the last request above the reserve before they see the others' answers).
    /// </summary>
    public int Reserve => Math.Max(Concurrency, Budget / 5);

    /// <summary>The refresh interval: a sixth of the window, as 10 minutes of an hour.</summary>
    public TimeSpan RefreshAfter => TimeSpan.FromSeconds(WindowSeconds / 6.0);

    /// <summary>Share of pushes that open a new pull request (its build must create the link).</summary>
    public double NewPullRequestShare { get; init; } = 0.3;

    /// <summary>
    /// True: every build runs on a fresh machine (one lookup per link per push). False: runners keep obj/ (a CI cache), so
    /// MSBuild skips the unchanged upsert target as Klinky.Build's targets declare, and only a pull request's first build spends.
    /// </summary>
    public bool FreshMachines { get; init; }

    /// <summary>Where to write one line per push (when it ran, what the build and the report did, the figures' age); null for none.</summary>
    public TextWriter? Trace { get; init; }

    /// <summary>Pushes running at once (the machine's CI runners).</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>Requests per push before the budget-aware report, with one link: the build's lookup, the report's listing and its stats read.</summary>
    public const int TodayRequestsPerPush = 3;

    /// <summary>Pushes per window the budget carries at today's cost; the load factor multiplies it.</summary>
    public int CarriedPushesPerWindow => Math.Max(1, Budget / TodayRequestsPerPush);
}
