using System.Management.Automation;
using Klinky.Links;

namespace Klinky.PowerShell.Links;

/// <summary>
/// Pages through <c>GET /public/links</c> as the pipeline reads, honouring -First/-Skip/-IncludeTotalCount and
/// showing progress once there is more than one page.
/// </summary>
internal sealed class LinkPager
{
    private const int ActivityId = 4712;
    private readonly KlinkyCmdlet _cmdlet;
    private readonly PagingParameters _paging;
    private readonly int _perPage;

    public LinkPager(KlinkyCmdlet cmdlet, PagingParameters paging, int perPage)
    {
        _cmdlet = cmdlet;
        _paging = paging;
        _perPage = perPage;
    }

    public void Run(Func<Link, bool> include)
    {
        var first = _paging.First;
        var toSkip = _paging.Skip;
        ulong written = 0;
        var total = -1;
        for (var page = 1; written < first; page++)
        {
            var number = page;
            if (!_cmdlet.TryRun((client, ct) => client.Links.ListAsync(new LinkListOptions { Page = number, PerPage = _perPage }, ct), null, out var result))
            {
                break;
            }

            if (total < 0)
            {
                total = result.Total;
                if (_paging.IncludeTotalCount.IsPresent)
                {
                    _cmdlet.WriteObject(_paging.NewTotalCount((ulong)Math.Max(0, total), 1.0));
                }
            }

            var pages = (int)Math.Ceiling(total / (double)Math.Max(1, result.PerPage));
            if (pages > 1)
            {
                _cmdlet.WriteProgress(new ProgressRecord(ActivityId, "Listing Klinky links", $"page {page} of {pages}") { PercentComplete = Math.Min(100, page * 100 / pages) });
            }

            foreach (var link in result.Items.Where(include))
            {
                if (toSkip > 0)
                {
                    toSkip--;
                    continue;
                }

                if (written++ >= first)
                {
                    break;
                }

                _cmdlet.WriteLink(link);
            }

            if (!result.HasMore)
            {
                break;
            }
        }

        _cmdlet.WriteProgress(new ProgressRecord(ActivityId, "Listing Klinky links", "done") { RecordType = ProgressRecordType.Completed });
    }
}
