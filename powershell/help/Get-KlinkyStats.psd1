@{
    Synopsis    = 'Gets per-variant A/B statistics of links.'
    Description = @'
Writes one row per variant: clicks, conversions, conversion rate with its 95% Wilson interval, uplift against the control with its always-valid 95% interval and verdict (better, worse, inconclusive), the test's status, the recommended winner and, while undecided, the visitors per variant still needed (VisitorsNeeded). The verdict comes from the always-valid interval alone, so it stays true however often it is read; the p-value and the probabilities to beat the control and to be best are descriptive. The table fits 80 columns; | Format-List shows every figure. The whole stats object is in each row's Stats property; -AsLinkStats writes those objects instead.

One request per link where the service has a stats route. Where it has none, Klinky.Core computes the same figures from the clicks export (Source is then ComputedFromClicks, and -Verbose says how many requests that cost).
'@
    Parameters  = @{
        InputObject = 'A link from Get-KlinkyLink (by pipeline).'
        Id          = 'One or more link ids. Binds from the Id or LinkId property of piped objects. A value that is not a link id (a UUID) is refused before any request, with a hint to use -Slug.'
        Slug        = 'Names the link by its slug instead of its id; wildcards (pr-42-*) name every matching link. An exact slug costs one request (none when this session already holds the link); a wildcard lists the links with the API''s search filter.'
        Start       = 'Only count clicks at or after this time.'
        End         = 'Only count clicks at or before this time.'
        MinimumEffect = 'The relative uplift that VisitorsNeeded is planned for (0.1 for +10%); 0.2 (+20%) by default. Changes no verdict and spends no request.'
        AsLinkStats = 'Writes one Klinky.Stats.LinkStats object per link instead of one row per variant.'
    }
    Examples    = @(
        @{ Title = 'A pull request''s tests'; Code = "Get-KlinkyLink -Slug 'pr-42-*' | Get-KlinkyStats | Format-Table"; Remarks = 'One row per variant of every matching link.' }
        @{ Title = 'One link by its slug'; Code = 'Get-KlinkyStats -Slug pr-42-checkout'; Remarks = 'The header above the rows states the verdict in the Markdown report''s words: who won, or how many more clicks or visitors the test needs.' }
        @{ Title = 'Declare the recommended winners'; Code = 'Get-KlinkyLink | Get-KlinkyStats | Where-Object { $_.Label -eq $_.RecommendedWinner } | Set-KlinkyWinner -WhatIf'; Remarks = 'Shows which winners would be declared.' }
    )
    Inputs      = @('Klinky.Links.Link', 'Objects with an Id or LinkId property')
}
