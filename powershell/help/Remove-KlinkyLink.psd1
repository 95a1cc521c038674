@{
    Synopsis    = 'Removes (soft-deletes) Klinky links.'
    Description = 'The link stops redirecting and leaves listings. Asks for confirmation (ConfirmImpact High) unless -Force or -Confirm:$false is given; with -WhatIf nothing is sent. Each piped link is removed on its own: one failure does not stop the rest.'
    Parameters  = @{
        Id    = 'The link''s id. Binds from piped links.'
        Slug  = 'The links to remove, by slug (wildcards allowed: old-*). A piped link is removed by its Id and named by its slug in the prompt and the -WhatIf message.'
        Force = 'Removes without asking.'
    }
    Examples    = @(
        @{ Title = 'See what a clean-up would remove'; Code = "Get-KlinkyLink -Slug 'old-*' | Remove-KlinkyLink -WhatIf"; Remarks = 'Lists the links that would be removed; sends no delete.' }
        @{ Title = 'Remove without a prompt'; Code = 'Remove-KlinkyLink -Slug pr-42-checkout -Force'; Remarks = 'For scripts.' }
    )
    Inputs      = @('Klinky.Links.Link, or objects with an Id property')
}
