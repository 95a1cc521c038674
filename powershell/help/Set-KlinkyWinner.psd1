@{
    Synopsis    = 'Declares the winner of a link''s test.'
    Description = 'From then on every visitor of the link goes to the winning variant. Asks for confirmation unless -Force or -Confirm:$false is given; with -WhatIf nothing is sent. Returns the updated link.'
    Parameters  = @{
        Id    = 'The link''s id. Binds from piped links (Id) or stats rows (LinkId).'
        Label = 'The winning variant''s label. Binds from stats rows.'
        Force = 'Declares without asking.'
    }
    Examples    = @(
        @{ Title = 'Declare a winner'; Code = 'Set-KlinkyWinner -Id $link.Id -Label variant_b -Force'; Remarks = 'All traffic now goes to variant_b.' }
        @{ Title = 'From statistics'; Code = 'Get-KlinkyStats -Id $link.Id | Where-Object { $_.Label -eq $_.RecommendedWinner } | Set-KlinkyWinner -Confirm:$false'; Remarks = 'Declares the recommended winner, if the test is significant.' }
    )
    Inputs      = @('Objects with Id or LinkId and Label properties, e.g. Get-KlinkyStats rows')
}
