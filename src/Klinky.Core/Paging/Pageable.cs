using System.Runtime.CompilerServices;

namespace Klinky.Paging;

/// <summary>The one paging loop: asks for page after page until <see cref="PagedResult{T}.HasMore"/> says the last one came.</summary>
internal sealed class Pageable<T> : KlinkyPageable<T>
{
    private readonly Func<int, int, CancellationToken, Task<PagedResult<T>>> _fetchPage;
    private readonly int _defaultFirstPage;
    private readonly int? _defaultPageSize;
    private readonly CancellationToken _cancellationToken;

    // fetchPage fetches one page: page number, page size, cancellation.
    public Pageable(Func<int, int, CancellationToken, Task<PagedResult<T>>> fetchPage, int defaultFirstPage, int? defaultPageSize, CancellationToken cancellationToken)
    {
        _fetchPage = fetchPage;
        _defaultFirstPage = defaultFirstPage;
        _defaultPageSize = defaultPageSize;
        _cancellationToken = cancellationToken;
    }

    // The token given when the listing was made; the compiler links it with one passed to WithCancellation.
    public override IAsyncEnumerable<PagedResult<T>> AsPages(int? firstPage = null, int? pageSizeHint = null) =>
        PagesAsync(Math.Max(1, firstPage ?? _defaultFirstPage), PageSizes.Clamp(pageSizeHint ?? _defaultPageSize), _cancellationToken);

    private async IAsyncEnumerable<PagedResult<T>> PagesAsync(int firstPage, int pageSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var page = firstPage; ; page++)
        {
            var result = await _fetchPage(page, pageSize, cancellationToken).ConfigureAwait(false);
            yield return result;
            if (!result.HasMore || page == int.MaxValue)
            {
                yield break;
            }
        }
    }
}
