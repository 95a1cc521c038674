@{
    Synopsis    = 'Replaces a link''s variants, or re-weights them.'
    Description = @'
With -Variant, replaces all of the link's variants (the same forms New-KlinkyLink accepts). With -Weight, changes the weights of the variants the link has: labels not named keep their weight, and the result must still sum to 100.

With -WhatIf and -Id, nothing is sent, not even the read of the link that -Weight needs (a -Slug the session has not seen yet costs its one lookup).
'@
    Parameters  = @{
        Id       = 'The link''s id. Binds from piped links.'
        Slug     = 'Names the link by its slug instead of its id; wildcards (pr-42-*) name every matching link. An exact slug costs one request (none when this session already holds the link); a wildcard lists the links with the API''s search filter.'
        Variant  = 'The new variants: hashtables, New-KlinkyVariant objects or the compact form label:weight=URL.'
        Weight   = 'New weights by label, for example @{control=70; variant_b=30}.'
        PassThru = 'Writes the updated link.'
    }
    Examples    = @(
        @{ Title = 'Shift traffic to the challenger'; Code = 'Set-KlinkyVariant -Id $link.Id -Weight @{control=30; variant_b=70} -PassThru'; Remarks = 'Reads the link, re-weights and replaces its variants.' }
        @{ Title = 'Replace the variants'; Code = "Set-KlinkyVariant -Id `$link.Id -Variant 'control:50=https://example.com/a variant_c:50=https://example.com/c'"; Remarks = 'The link now tests control against variant_c.' }
    )
    Inputs      = @('Klinky.Links.Link, or objects with an Id property')
}
