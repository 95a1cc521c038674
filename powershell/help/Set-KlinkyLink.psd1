@{
    Synopsis    = 'Changes a link''s name, state, auto-winner settings, conversion redirect or geo rules.'
    Description = 'A partial update: only the parameters given change. The values are checked by Klinky.Core''s validator before the request. Use Set-KlinkyVariant to change variants or weights.'
    Parameters  = @{
        Id                    = 'The link''s id. Binds from piped links.'
        Slug                  = 'Names the link by its slug instead of its id; wildcards (pr-42-*) name every matching link. An exact slug costs one request (none when this session already holds the link); a wildcard lists the links with the API''s search filter.'
        Name                  = 'The new name, 1-100 characters.'
        Active                = 'False pauses the link (it stops redirecting); true resumes it.'
        AutoWinner            = 'Turns automatic winner promotion on or off.'
        AutoWinnerThreshold   = 'Clicks per variant before a winner can be declared; at least 10.'
        ConversionRedirectUrl = 'Where the conversion pixel redirects to; an absolute http(s) URL.'
        GeoRule               = 'Country code (or default) to variant label, for example @{US=''control''; default=''variant_b''}.'
        PassThru              = 'Writes the updated link.'
    }
    Examples    = @(
        @{ Title = 'Pause a link'; Code = 'Set-KlinkyLink -Slug pr-42-checkout -Active $false -PassThru'; Remarks = 'The link stops redirecting; the updated link is returned.' }
        @{ Title = 'Turn on automatic winners for a campaign'; Code = "Get-KlinkyLink -Slug 'spring-*' | Set-KlinkyLink -AutoWinner `$true -AutoWinnerThreshold 200"; Remarks = 'One request per link.' }
    )
    Inputs      = @('Klinky.Links.Link, or objects with an Id property')
}
