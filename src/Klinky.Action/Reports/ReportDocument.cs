using Klinky.Stats;

namespace Klinky.Action.Reports;

/// <summary>The <c>report-path</c> file: every reported link's stats plus the run's verdicts, for later workflow steps.</summary>
internal sealed class ReportDocument
{
    public required string CommentKey { get; init; }
    public int? PullRequest { get; init; }
    public string? Commit { get; init; }
    public string? RunUrl { get; init; }

    /// <summary>True when any link reached a significant result.</summary>
    public bool Significant { get; init; }

    /// <summary>Slug to recommended winner, for the links that have one.</summary>
    public required IReadOnlyDictionary<string, string> Winners { get; init; }

    public required IReadOnlyList<ReportLink> Links { get; init; }

    public IReadOnlyList<string> NotFound { get; init; } = Array.Empty<string>();

    /// <summary>Requests this run sent to Klinky (each spends the key's hourly budget).</summary>
    public long KlinkyRequests { get; init; }

    public static ReportDocument Create(IReadOnlyList<LinkStats> stats, string commentKey, int? pullRequest, string? commit, string? runUrl, IReadOnlyList<string> notFound, long klinkyRequests)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var winners = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in stats.Where(s => s.RecommendedWinner is not null))
        {
            winners[KeyOf(s)] = s.RecommendedWinner!;
        }

        return new ReportDocument
        {
            CommentKey = commentKey,
            PullRequest = pullRequest,
            Commit = commit,
            RunUrl = runUrl,
            Significant = stats.Any(s => s.Status == StatsStatus.Significant),
            Winners = winners,
            Links = stats.Select(s => new ReportLink
            {
                Id = s.LinkId,
                Slug = s.Link?.Slug,
                Name = s.Link?.Name,
                ShortUrl = s.Link?.ShortUrl,
                StatsSource = s.Source == StatsSource.ComputedFromClicks ? "computed_from_clicks" : "endpoint",
                Stats = s,
            }).ToList(),
            NotFound = notFound,
            KlinkyRequests = klinkyRequests,
        };
    }

    /// <summary>The key of a link in the <c>winners</c> output: its slug, or its id when the slug is unknown.</summary>
    public static string KeyOf(LinkStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return stats.Link?.Slug is { Length: > 0 } slug ? slug : stats.LinkId;
    }
}
