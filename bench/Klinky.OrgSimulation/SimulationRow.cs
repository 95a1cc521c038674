namespace Klinky.OrgSimulation;

/// <summary>What one load did: the table's row.</summary>
public sealed record SimulationRow(
    double Load,
    int Pushes,
    int FailedJobs,
    int Klinky429,
    int BuildsWithoutLink,
    int ReportsWithoutFigures,
    TimeSpan MedianAge,
    TimeSpan WorstAge,
    double RequestsPerPush,
    double TodayRequestsPerPush);
