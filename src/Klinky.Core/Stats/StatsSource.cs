namespace Klinky.Stats;

/// <summary>Where the client got a stats object from.</summary>
public enum StatsSource
{
    /// <summary>The server's <c>/stats</c> route.</summary>
    Endpoint,

    /// <summary>Computed locally from the clicks export, because the server has no <c>/stats</c> route.</summary>
    ComputedFromClicks,
}
