using System.Runtime.CompilerServices;
using Klinky.Http;

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
        return ListPageAsync(request, options.Page, options.PerPage, cancellationToken);
    }

    private async Task<PagedResult<Click>> ListPageAsync(KlinkyRequest request, int page, int perPage, CancellationToken cancellationToken) =>
        (await _pipeline.SendAsync<PagedResult<Click>>(request, cancellationToken).ConfigureAwait(false)).AsRequested(page, perPage);

    /// <summary>Every click in the range, 100 per request, fetched as the caller enumerates.</summary>
    public virtual async IAsyncEnumerable<Click> ListAllAsync(string linkId, DateRange? range = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var fetched = 0L;
        for (var page = 1; ; page++)
        {
            var result = await ListAsync(linkId, new ClickListOptions { Page = page, Range = range ?? DateRange.All }, cancellationToken).ConfigureAwait(false);
            foreach (var click in result.Items)
            {
                yield return click;
            }

            // Counted here rather than from the echoed page number, which the contract does not promise.
            fetched += result.Items.Count;
            if (result.Items.Count == 0 || fetched >= result.Total)
            {
                yield break;
            }
        }
    }
}
