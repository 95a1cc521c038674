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
    private readonly double? _minimumEffect;

    public StatsFetcher(KlinkyClient client, double? minimumEffect = null)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _minimumEffect = minimumEffect;
    }

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
                // The action's `minimum-effect`: planned again from the counts the stats hold, without another request.
                // The verdict memory kept in the comment is applied by ReportRefresh (SavedLink.Remember), which knows it.
                var planned = _minimumEffect is { } effect ? StatsCalculator.WithMinimumEffect(result, effect) : result;
                stats.Add(planned.Link is null && target.Known is not null ? planned with { Link = target.Known } : planned);
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
