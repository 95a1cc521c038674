using System.Management.Automation;
using Klinky.Links;
using Klinky.PowerShell.Completion;
using Klinky.PowerShell.Paging;
using Klinky.PowerShell.Targets;

namespace Klinky.PowerShell.Links;

/// <summary>
/// Get-KlinkyLink: one link by -Id, links by -Slug (wildcards allowed), or all links; pages are fetched only as far as
/// the pipeline reads (-First 1 costs one request).
/// </summary>
[Cmdlet(VerbsCommon.Get, "KlinkyLink", HelpUri = HelpLinks.Page + "#get-klinkylink", DefaultParameterSetName = AllSet, SupportsPaging = true)]
[OutputType(typeof(Link))]
public sealed class GetKlinkyLinkCommand : KlinkyCmdlet
{
    private const string AllSet = "All";
    private const string IdSet = "Id";
    private const string SlugSet = "Slug";
    private const int ActivityId = 4712;

    [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
    [Alias("LinkId")]
    [ArgumentCompleter(typeof(LinkIdCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Id { get; set; } = Array.Empty<string>();

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = SlugSet)]
    [ArgumentCompleter(typeof(LinkSlugCompleter))]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Slug { get; set; } = Array.Empty<string>();

    protected override void ProcessRecord()
    {
        switch (ParameterSetName)
        {
            case IdSet:
                foreach (var id in Id.Where(id => LinkTargets.CheckId(this, id)))
                {
                    if (TryRun((client, ct) => client.Links.GetAsync(id, ct), id, out var link))
                    {
                        WriteLink(link);
                    }
                }

                break;
            case SlugSet:
                foreach (var slug in Slug)
                {
                    GetBySlug(slug);
                }

                break;
            default:
                ListLinks(null);
                break;
        }
    }

    private void GetBySlug(string slug)
    {
        if (!WildcardPattern.ContainsWildcardCharacters(slug))
        {
            // An exact slug uses the API's slug filter: one request where the server has it (always asked: this is a read).
            foreach (var found in LinkTargets.Find(this, slug, useSeen: false))
            {
                WriteLink(found);
            }

            return;
        }

        var pattern = new WildcardPattern(slug, WildcardOptions.IgnoreCase);
        ListLinks(link => pattern.IsMatch(link.Slug), LinkTargets.SearchText(slug));
    }

    // The search filter (a P row) narrows the listing where the server has it; the pattern still decides here.
    private void ListLinks(Func<Link, bool>? include, string? search = null) =>
        new Pager<Link>(this, PagingParameters, ActivityId, "Listing Klinky links").Run(
            (client, page, perPage, ct) => client.Links.ListAsync(new LinkListOptions { Page = page, PerPage = perPage, Search = search }, ct),
            null,
            include,
            WriteLink);
}
