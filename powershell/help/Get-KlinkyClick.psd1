@{
    Synopsis    = 'Exports a link''s clicks.'
    Description = 'Pages through the click export as the pipeline reads (up to 100 clicks per request, no more than -Skip plus -First need), with progress over many pages. Bots and repeat clicks of a visitor session are not counted by the service. Each click carries a LinkId property.'
    Parameters  = @{
        Id                = 'The link''s id. Binds from piped links (Id) or stats rows (LinkId).'
        Slug              = 'Names the link by its slug instead of its id; wildcards (pr-42-*) name every matching link. An exact slug costs one request (none when this session already holds the link); a wildcard lists the links with the API''s search filter.'
        Start             = 'Only clicks at or after this time (local time unless a zone is given).'
        End               = 'Only clicks at or before this time.'
        First             = 'Returns only the first N clicks.'
        Skip              = 'Skips the first N clicks.'
        IncludeTotalCount = 'Writes the total number of clicks first.'
    }
    Examples    = @(
        @{ Title = 'Clicks per variant last week'; Code = "Get-KlinkyClick -Id `$link.Id -Start (Get-Date).AddDays(-7) | Group-Object VariantLabel"; Remarks = 'Counts the week''s clicks by variant.' }
        @{ Title = 'Export to CSV'; Code = "Get-KlinkyClick -Slug homepage-test | Export-Csv clicks.csv"; Remarks = 'Every click of the link.' }
    )
    Inputs      = @('Klinky.Links.Link, or objects with an Id or LinkId property')
}
