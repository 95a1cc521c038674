using Klinky.Stats;

namespace Klinky.Action.Reports;

/// <summary>One link in the <c>report-path</c> file: who it is, and its full stats object.</summary>
internal sealed class ReportLink
{
    public required string Id { get; init; }
    public string? Slug { get; init; }
    public string? Name { get; init; }
    public string? ShortUrl { get; init; }

    /// <summary><c>endpoint</c>, or <c>computed_from_clicks</c> where the server has no stats route.</summary>
    public required string StatsSource { get; init; }

    public required LinkStats Stats { get; init; }
}
