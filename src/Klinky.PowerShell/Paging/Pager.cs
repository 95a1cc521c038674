using System.Management.Automation;

namespace Klinky.PowerShell.Paging;

/// <summary>
/// How the module's listing cmdlets page: Core's <see cref="KlinkyPageable{T}.AsPages"/> is the one page loop (it asks
/// page after page and knows the last one); this pager drives it one page per pipeline read through the cmdlet's
/// <see cref="KlinkyCmdlet.TryRun{T}"/> (so Ctrl+C and request logging work as for every call) and keeps only what is
/// PowerShell's: -Skip and -First (<see cref="PageWindow"/>), -IncludeTotalCount and progress.
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

    /// <param name="listing">Core's listing of every item, from the client and the cmdlet's cancellation.</param>
    /// <param name="target">The TargetObject of an error.</param>
    /// <param name="include">A local filter (a wildcard slug), or null for every item.</param>
    /// <param name="write">Writes one item to the pipeline.</param>
    public void Run(Func<KlinkyClient, CancellationToken, KlinkyPageable<T>> listing, object? target, Func<T, bool>? include, Action<T> write)
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

        var read = 0;
        var cursor = new Cursor(listing, window);
        try
        {
            while (written < first)
            {
                if (!_cmdlet.TryRun(cursor.NextAsync, target, out var result) || result is null)
                {
                    break;
                }

                if (++read == 1)
                {
                    // Counts the pages what was asked for takes, not the whole listing: -First 5 of 2,000 clicks is one page
                    // (not "page 1 of 400"); a local filter must read every page from here on.
                    var perPage = Math.Max(1, result.PerPage);
                    var fromHere = Math.Max(0L, result.Total - ((long)(window.FirstPage - 1) * perPage));
                    var asked = include is null && first <= (ulong)long.MaxValue - window.SkipOnFirstPage ? (long)(window.SkipOnFirstPage + first) : long.MaxValue;
                    pages = (int)Math.Min(int.MaxValue, (Math.Min(fromHere, asked) + perPage - 1) / perPage);
                    if (_paging.IncludeTotalCount.IsPresent)
                    {
                        _cmdlet.WriteObject(_paging.NewTotalCount((ulong)Math.Max(0, result.Total), 1.0));
                    }
                }

                if (pages > 1)
                {
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
            }
        }
        finally
        {
            // Stops the listing where the pipeline stopped reading: no page beyond it is asked for.
            cursor.Dispose();
        }

        if (pages > 1)
        {
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, "done") { RecordType = ProgressRecordType.Completed });
        }
    }

    // Core's page enumerator, made on the first call with that call's client and token (the cmdlet's, stopped by Ctrl+C)
    // and kept for the later ones.
    private sealed class Cursor : IDisposable
    {
        private readonly Func<KlinkyClient, CancellationToken, KlinkyPageable<T>> _listing;
        private readonly PageWindow _window;
        private IAsyncEnumerator<PagedResult<T>>? _pages;

        public Cursor(Func<KlinkyClient, CancellationToken, KlinkyPageable<T>> listing, PageWindow window)
        {
            _listing = listing;
            _window = window;
        }

        /// <summary>The next page, or null after the last.</summary>
        public async Task<PagedResult<T>?> NextAsync(KlinkyClient client, CancellationToken cancellationToken)
        {
            _pages ??= _listing(client, cancellationToken).AsPages(_window.FirstPage, _window.PageSize).GetAsyncEnumerator(cancellationToken);
            return await _pages.MoveNextAsync().ConfigureAwait(false) ? _pages.Current : null;
        }

        public void Dispose() => _pages?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
