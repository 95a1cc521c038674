using Klinky.Stats;

namespace Klinky.Action.Links;

/// <summary>
/// One stats request per link. A link that is gone (404) is reported as missing and the others still count; any other
/// Klinky error (bad key, rate limit) stops the run, since the next link would fail the same way.
/// </summary>
internal sealed class StatsFetcher
{
    private readonly KlinkyClient _client;

    public StatsFetcher(KlinkyClient client) => _client = client ?? throw new ArgumentNullException(nameof(client));

    public async Task<StatsFetchResult> FetchAsync(IReadOnlyList<LinkTarget> targets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var stats = new List<LinkStats>();
        var notFound = new List<string>();
        foreach (var target in targets)
        {
            try
            {
                var result = target.Link is { Variants.Count: > 0 } link
                    ? await _client.Stats.GetAsync(link, cancellationToken: cancellationToken)
                    : await _client.Stats.GetAsync(target.Id, cancellationToken: cancellationToken);
                stats.Add(result.Link is null && target.Known is not null ? result with { Link = target.Known } : result);
            }
            catch (KlinkyNotFoundException)
            {
                notFound.Add(target.Display);
            }
        }

        var fallbackRequests = stats.Where(s => s.Source == StatsSource.ComputedFromClicks).Sum(s => s.RequestCost);
        return new StatsFetchResult(stats, notFound, _client.Stats.UsesClicksFallback, fallbackRequests);
    }
}
