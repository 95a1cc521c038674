@{
    Synopsis    = 'Forgets the API key given to Connect-Klinky.'
    Description = 'Disposes the session''s Klinky client. Afterwards the cmdlets fall back to the KLINKY_API_KEY and KLINKY_BASE_URL environment variables, if set.'
    Parameters  = @{}
    Examples    = @(
        @{ Title = 'End the session''s connection'; Code = 'Disconnect-Klinky'; Remarks = 'Get-KlinkyConnection then returns nothing unless KLINKY_API_KEY is set.' }
    )
    Inputs      = @('None')
}
