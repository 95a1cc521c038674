namespace Klinky;

/// <summary>
/// A listing fetched a page at a time, only as far as the caller reads: enumerate it for the items, or call
/// <see cref="AsPages"/> for the pages themselves (their totals, or a page size of the caller's choosing).
/// </summary>
public abstract class KlinkyPageable<T> : IAsyncEnumerable<T>
{
    /// <summary>
    /// The pages from <paramref name="firstPage"/> on (null: where the listing was asked to start). <paramref name="pageSizeHint"/> is clamped to what the API accepts
    /// (1-100), so any count a caller computes is safe to pass; null asks for the most per request.
    /// </summary>
    public abstract IAsyncEnumerable<PagedResult<T>> AsPages(int? firstPage = null, int? pageSizeHint = null);

    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }
}
