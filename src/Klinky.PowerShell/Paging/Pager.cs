using System.Management.Automation;

namespace Klinky.PowerShell.Paging;

/// <summary>
/// The one pager of the module's listing cmdlets: fetches page after page only as far as the pipeline reads, honours
/// -First/-Skip/-IncludeTotalCount, shows progress once there is more than one page, and stops where Core's
/// <see cref="PagedResult{T}.HasMore"/> says the last page came.
/// </summary>
internal sealed class Pager<T>
{
    private readonly KlinkyCmdlet _cmdlet;
    private readonly PagingParameters _paging;
    private readonly int _activityId;
    private readonly string _activity;

    public Pager(KlinkyCmdlet cmdlet, PagingParameters paging, int activityId, string activity)
    {
        _cmdlet = cmdlet;
        _paging = paging;
        _activityId = activityId;
        _activity = activity;
    }

    /// <param name="fetchPage">One page: client, page number, page size, cancellation.</param>
    /// <param name="target">The TargetObject of an error.</param>
    /// <param name="include">A local filter (a wildcard slug), or null for every item.</param>
    /// <param name="write">Writes one item to the pipeline.</param>
    public void Run(Func<KlinkyClient, int, int, CancellationToken, Task<PagedResult<T>>> fetchPage, object? target, Func<T, bool>? include, Action<T> write)
    {
        var first = _paging.First;
        var window = PageWindow.For(_paging.Skip, first, include is not null);
        var toSkip = window.SkipOnFirstPage;
        ulong written = 0;
        var pages = 0;
        if (first > (ulong)window.PageSize)
        {
            // More than one page may be fetched: look at the shared budget first (free).
            _cmdlet.LookBeforeSpending();
        }

        for (var page = window.FirstPage; written < first; page++)
        {
            var number = page;
            if (!_cmdlet.TryRun((client, ct) => fetchPage(client, number, window.PageSize, ct), target, out var result))
            {
                break;
            }

            if (page == window.FirstPage)
            {
                // Counts the pages what was asked for takes, not the whole listing: -First 5 of 2,000 clicks is one page
                // (not "page 1 of 400"); a local filter must read every page from here on.
                var perPage = Math.Max(1, result.PerPage);
                var fromHere = Math.Max(0L, result.Total - ((long)(page - 1) * perPage));
                var asked = include is null && first <= (ulong)long.MaxValue - window.SkipOnFirstPage ? (long)(window.SkipOnFirstPage + first) : long.MaxValue;
                pages = (int)Math.Min(int.MaxValue, (Math.Min(fromHere, asked) + perPage - 1) / perPage);
                if (_paging.IncludeTotalCount.IsPresent)
                {
                    _cmdlet.WriteObject(_paging.NewTotalCount((ulong)Math.Max(0, result.Total), 1.0));
                }
            }

            if (pages > 1)
            {
                var read = page - window.FirstPage + 1;
                _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, $"page {read} of {pages}") { PercentComplete = (int)Math.Min(100, (long)read * 100 / pages) });
            }

            foreach (var item in result.Items)
            {
                if (include is not null && !include(item))
                {
                    continue;
                }

                if (toSkip > 0)
                {
                    toSkip--;
                    continue;
                }

                if (written >= first)
                {
                    break;
                }

                written++;
                write(item);
            }

            if (!result.HasMore || page == int.MaxValue)
            {
                break;
            }
        }

        if (pages > 1)
        {
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, "done") { RecordType = ProgressRecordType.Completed });
        }
    }
}
