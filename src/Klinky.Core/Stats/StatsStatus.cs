namespace Klinky.Stats;

/// <summary>The values of a stats object's <c>status</c>.</summary>
public static class StatsStatus
{
    public const string InsufficientData = "insufficient_data";
    public const string Running = "running";
    public const string Significant = "significant";
}
