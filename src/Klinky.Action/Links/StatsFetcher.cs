using Klinky.Stats;

namespace Klinky.Action.Links;

/// <summary>
/// One stats request per link. A link that is gone (404) is reported as missing and the others still count; any other
/// Klinky error (bad key) stops the run, since the next link would fail the same way. Given a budget (mayContinue), a
/// spent budget or a 429 leaves the remaining links unread instead, for the report to show their saved figures.
/// </summary>
internal sealed class StatsFetcher
{
    private readonly KlinkyClient _client;

    public StatsFetcher(KlinkyClient client) => _client = client ?? throw new ArgumentNullException(nameof(client));

    /// <param name="mayContinue">Asked before each link: false stops the run where the budget it may spend ends.</param>
    public async Task<StatsFetchResult> FetchAsync(IReadOnlyList<LinkTarget> targets, CancellationToken cancellationToken, Func<bool>? mayContinue = null)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var stats = new List<LinkStats>();
        var notFound = new List<string>();
        var unread = new List<LinkTarget>();
        foreach (var target in targets)
        {
            if (unread.Count > 0 || (mayContinue is not null && !mayContinue()))
            {
                unread.Add(target);
                continue;
            }

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
            catch (KlinkyRateLimitException) when (mayContinue is not null)
            {
                // Other jobs spent the budget meanwhile: the rest keep their saved figures instead of failing the run.
                unread.Add(target);
            }
        }

        var fallbackRequests = stats.Where(s => s.Source == StatsSource.ComputedFromClicks).Sum(s => s.RequestCost);
        return new StatsFetchResult(stats, notFound, _client.Stats.UsesClicksFallback, fallbackRequests) { Unread = unread };
    }
}
