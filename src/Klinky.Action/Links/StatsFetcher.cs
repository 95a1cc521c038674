using Klinky.Stats;

namespace Klinky.Action.Links;

/// <summary>
/// One stats request per link. A link that is gone (404) is reported as missing and the others still count; any other
/// Klinky error (bad key, rate limit) stops the run, since the next link would fail the same way.
/// </summary>
internal sealed class StatsFetcher
{
    private readonly KlinkyClient _client;
    private readonly double? _minimumEffect;

    public StatsFetcher(KlinkyClient client, double? minimumEffect = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _minimumEffect = minimumEffect;
    }

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
                // The action's `minimum-effect`: planned again from the counts the stats hold, without another request.
                // The verdict memory kept in the comment goes through StatsCalculator.WithMemory the same way.
                var planned = _minimumEffect is { } effect ? StatsCalculator.WithMinimumEffect(result, effect) : result;
                stats.Add(planned.Link is null && target.Known is not null ? planned with { Link = target.Known } : planned);
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
