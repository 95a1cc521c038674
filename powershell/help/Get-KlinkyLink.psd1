@{
    Synopsis    = 'Gets Klinky links: by id, by slug (wildcards allowed), or all.'
    Description = @'
Without parameters, lists every link the key can see, fetching pages of up to 100 only as far as the pipeline reads: Get-KlinkyLink -First 1 costs one request. -First, -Skip and -IncludeTotalCount work as on any paging cmdlet. Paging through many links shows progress.

An exact -Slug asks the API with its slug filter; a -Slug with wildcards (pr-42-*) pages through the links and matches locally. Links returned feed tab completion of -Id and -Slug for the rest of the session.
'@
    Parameters  = @{
        Id                = 'One or more link ids (UUIDs). Binds from the Id (or LinkId) property of piped objects.'
        Slug              = 'One or more slugs; wildcards * and ? are allowed.'
        First             = 'Returns only the first N links.'
        Skip              = 'Skips the first N links. Without a -Slug filter, whole pages inside -Skip are not fetched at all.'
        IncludeTotalCount = 'Writes the total number of links first (as reported by the API).'
    }
    Examples    = @(
        @{ Title = 'List links'; Code = 'Get-KlinkyLink -First 20'; Remarks = 'One request for up to 20 links, shown as a table.' }
        @{ Title = 'Links of one pull request, with their statistics'; Code = "Get-KlinkyLink -Slug 'pr-42-*' | Get-KlinkyStats | Format-Table"; Remarks = 'One stats request per matching link.' }
        @{ Title = 'One link by id'; Code = 'Get-KlinkyLink -Id 550e8400-e29b-41d4-a716-446655440000 | Format-List *'; Remarks = 'Every field of the link.' }
    )
    Inputs      = @('Objects with an Id or LinkId property')
}
