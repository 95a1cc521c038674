using Klinky.Links;
using Klinky.Paging;

namespace Klinky.PowerShell.Paging;

/// <summary>
/// Where -Skip and -First put a listing's requests: the page to start at, items per page, and how many to drop from the
/// first page. -First defaults to UInt64.MaxValue, so every sum here saturates instead of wrapping (a wrapped
/// Skip + First once asked for one item per page: a request per link).
/// </summary>
internal readonly struct PageWindow
{
    private PageWindow(int firstPage, int pageSize, ulong skipOnFirstPage)
    {
        FirstPage = firstPage;
        PageSize = pageSize;
        SkipOnFirstPage = skipOnFirstPage;
    }

    public int FirstPage { get; }

    public int PageSize { get; }

    /// <summary>Items (after any filter) to drop before the first one written.</summary>
    public ulong SkipOnFirstPage { get; }

    /// <param name="skip">-Skip.</param>
    /// <param name="first">-First.</param>
    /// <param name="filtered">True when items are filtered locally: then skipping counts matches, so no page can be skipped unseen.</param>
    public static PageWindow For(ulong skip, ulong first, bool filtered)
    {
        if (filtered)
        {
            return new PageWindow(1, LinkRules.MaxPerPage, skip);
        }

        // Only as many per page as the caller will read (-First 5 asks for 5), never more than the API allows.
        var wanted = first > ulong.MaxValue - skip ? ulong.MaxValue : skip + first;
        var pageSize = PageSizes.Clamp(wanted > long.MaxValue ? long.MaxValue : (long)wanted);

        // Whole pages inside -Skip are never fetched; a page number beyond int's range has no items anyway.
        var pagesSkipped = Math.Min(skip / (ulong)pageSize, (ulong)(int.MaxValue - 1));
        return new PageWindow((int)pagesSkipped + 1, pageSize, skip - (pagesSkipped * (ulong)pageSize));
    }
}
