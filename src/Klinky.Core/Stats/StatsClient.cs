using Klinky.Clicks;
using Klinky.Http;
using Klinky.Links;

namespace Klinky.Stats;

/// <summary>
/// <c>GET /public/links/{id}/stats</c>, with the contract's capability fallback: where the server has no stats route,
/// the same stats object is computed from the clicks export, and the client remembers that for its base URL.
/// </summary>
public class StatsClient
{
    private readonly KlinkyPipeline _pipeline;
    private readonly LinksClient _links;
    private readonly ClicksClient _clicks;
    // A client talks to one base URL, so its own memory is the contract's "per base URL"; it expires, so a long session
    // notices when the server gains the route.
    private const string StatsRoute = "stats";

    internal StatsClient(KlinkyPipeline pipeline, LinksClient links, ClicksClient clicks)
    {
        _pipeline = pipeline;
        _links = links;
        _clicks = clicks;
    }

    protected StatsClient()
    {
        _pipeline = null!;
        _links = null!;
        _clicks = null!;
    }

    /// <summary>True once the server answered that it has no stats route; later calls go straight to the clicks export.</summary>
    public virtual bool UsesClicksFallback => _pipeline.MissingRoutes.IsMissing(StatsRoute);

    public virtual Task<LinkStats> GetAsync(string linkId, DateRange? range = null, CancellationToken cancellationToken = default)
    {
        Guard.Id(linkId, nameof(linkId));
        return GetCoreAsync(linkId, null, range ?? DateRange.All, cancellationToken);
    }

    /// <summary>Stats of a link the caller already holds: the fallback then needs no extra request for the link itself.</summary>
    public virtual Task<LinkStats> GetAsync(Link link, DateRange? range = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(link, nameof(link));
        return GetCoreAsync(link.Id, link, range ?? DateRange.All, cancellationToken);
    }

    private async Task<LinkStats> GetCoreAsync(string linkId, Link? link, DateRange range, CancellationToken cancellationToken)
    {
        Guard.Range(range);
        var spentBefore = _pipeline.RequestsSent;
        var routeMissing = false;
        if (!UsesClicksFallback)
        {
            try
            {
                var request = new KlinkyRequest(HttpMethod.Get, "public", "links", linkId, "stats") { OptionalRoute = true }
                    .With("start_date", range.Start)
                    .With("end_date", range.End);
                var stats = await _pipeline.SendAsync<LinkStats>(request, cancellationToken).ConfigureAwait(false);
                return Annotate(stats, link, StatsSource.Endpoint, spentBefore);
            }
            catch (KlinkyException ex) when (IsMissingRoute(ex))
            {
                routeMissing = true;
            }
        }

        link ??= await _links.GetAsync(linkId, cancellationToken).ConfigureAwait(false);
        var counts = link.Variants.ToDictionary(v => v.Label, _ => (Clicks: 0L, Conversions: 0L), StringComparer.Ordinal);
        await foreach (var click in _clicks.ListAllAsync(linkId, range, cancellationToken).ConfigureAwait(false))
        {
            // A click of a variant the link no longer has (or without a label) has no row to count in.
            if (click.VariantLabel is { } label && counts.TryGetValue(label, out var count))
            {
                counts[label] = (count.Clicks + 1, count.Conversions + (click.Converted == true ? 1 : 0));
            }
        }

        // Remembered only now: the link and its clicks exist, so the 404 was the route's, not the link's.
        if (routeMissing)
        {
            _pipeline.MissingRoutes.RememberMissing(StatsRoute);
        }

        var variants = link.Variants
            .Select(v => new VariantCounts(v.Label, v.Weight, counts[v.Label].Clicks, counts[v.Label].Conversions))
            .ToList();
        // No memory here (a client read is stateless: the stats say they show the current look); the link's creation
        // and the time give the traffic rate behind "about N days at the current rate", as the endpoint's do.
        var computed = StatsCalculator.Compute(link.Id, variants, link.AutoWinnerThreshold, link.WinnerLabel, range, new StatsOptions
        {
            ExperimentStart = link.CreatedAt,
            Now = DateTimeOffset.UtcNow,
        });
        return Annotate(computed, link, StatsSource.ComputedFromClicks, spentBefore);
    }

    // A missing route answers 405, or 404 with the framework's bare "Not Found"; a missing link names the link.
    private static bool IsMissingRoute(KlinkyException ex) =>
        ex.StatusCode == 405 || (ex is KlinkyNotFoundException && string.Equals(ex.Detail?.Trim(), "Not Found", StringComparison.OrdinalIgnoreCase));

    private LinkStats Annotate(LinkStats stats, Link? link, StatsSource source, long spentBefore) => stats with
    {
        AutoWinnerThreshold = link?.AutoWinnerThreshold ?? stats.AutoWinnerThreshold,
        Source = source,
        RequestCost = (int)(_pipeline.RequestsSent - spentBefore),
        Link = link,
    };
}
