using Klinky.Http;
using Klinky.Paging;

namespace Klinky.Clicks;

/// <summary><c>/public/links/{id}/clicks</c>: the click export.</summary>
public class ClicksClient
{
    private readonly KlinkyPipeline _pipeline;

    internal ClicksClient(KlinkyPipeline pipeline) => _pipeline = pipeline;

    protected ClicksClient() => _pipeline = null!;

    public virtual Task<PagedResult<Click>> ListAsync(string linkId, ClickListOptions? options = null, CancellationToken cancellationToken = default)
    {
        Guard.Id(linkId, nameof(linkId));
        options ??= new ClickListOptions();
        Guard.Paging(options.Page, options.PerPage);
        Guard.Range(options.Range);
        var request = new KlinkyRequest(HttpMethod.Get, "public", "links", linkId, "clicks")
            .With("page", options.Page)
            .With("per_page", options.PerPage)
            .With("start_date", options.Range.Start)
            .With("end_date", options.Range.End);
        return _pipeline.SendPageAsync<Click>(request, options.Page, options.PerPage, cancellationToken);
    }

    /// <summary>Every click in the range, 100 per request, fetched as the caller enumerates.</summary>
    public virtual KlinkyPageable<Click> ListAllAsync(string linkId, DateRange? range = null, CancellationToken cancellationToken = default)
    {
        Guard.Id(linkId, nameof(linkId));
        Guard.Range(range);
        return new Pageable<Click>(
            (page, perPage, ct) => ListAsync(linkId, new ClickListOptions { Page = page, PerPage = perPage, Range = range ?? DateRange.All }, ct),
            1,
            null,
            cancellationToken);
    }
}
