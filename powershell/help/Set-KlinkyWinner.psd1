@{
    Synopsis    = 'Declares the winner of a link''s test.'
    Description = @'
From then on every visitor of the link goes to the winning variant. Returns the updated link.

Only the winner the always-valid test recommends (the test is significant and -Label is its RecommendedWinner) is declared without -Force. Any other label is refused with an error (Klinky.NotSignificant) that says why, in the Markdown report's words: no significant result yet and how many more clicks or visitors it needs, or which variant the test recommends instead. The check reads the Stats of a piped Get-KlinkyStats row (no request), else asks for the link's stats (one request). -Force declares without the check and without asking.

Asks for confirmation (ConfirmImpact High) unless -Force or -Confirm:$false is given; -Confirm:$false skips only the prompt, never the check. With -WhatIf nothing is sent.
'@
    Parameters  = @{
        Id    = 'The link''s id. Binds from piped links (Id) or stats rows (LinkId).'
        Label = 'The winning variant''s label. Binds from stats rows.'
        Force = 'Declares without the significance check and without asking: for a winner chosen on other grounds (the test is inconclusive, the variant is cheaper).'
        Stats = 'The link''s statistics, bound from a Get-KlinkyStats row (its Stats property): the significance check then spends no request.'
        Slug  = 'Names the link by its slug instead of its id; wildcards (pr-42-*) name every matching link. An exact slug costs one request (none when this session already holds the link); a wildcard lists the links with the API''s search filter.'
    }
    Examples    = @(
        @{ Title = 'Declare the recommended winner'; Code = 'Set-KlinkyWinner -Slug pr-42-checkout -Label variant_b'; Remarks = 'Declared (after the prompt) when the test recommends variant_b; otherwise refused with the verdict and how many more visitors the test needs.' }
        @{ Title = 'Declare a winner the test has not found'; Code = 'Set-KlinkyWinner -Slug pr-42-checkout -Label variant_b -Force'; Remarks = 'All traffic now goes to variant_b, significant or not.' }
        @{ Title = 'From statistics'; Code = 'Get-KlinkyStats -Id $link.Id | Where-Object { $_.Label -eq $_.RecommendedWinner } | Set-KlinkyWinner -Confirm:$false'; Remarks = 'Declares the recommended winner, if the test is significant.' }
    )
    Inputs      = @('Objects with Id or LinkId and Label properties, e.g. Get-KlinkyStats rows (their Stats property spares the check a request)')
}
