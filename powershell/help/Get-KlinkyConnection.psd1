@{
    Synopsis    = 'Shows the connection the Klinky cmdlets use now.'
    Description = 'Returns the base URL, where the key came from (Connect-Klinky or the environment), the number of requests sent and the last known rate-limit budget. The key itself is never shown. Returns nothing when not connected.'
    Parameters  = @{}
    Examples    = @(
        @{ Title = 'Check the connection'; Code = 'Get-KlinkyConnection | Format-List'; Remarks = 'Shows BaseUrl, Source, ConnectedAt, RequestsSent and RateLimit.' }
    )
    Inputs      = @('None')
}
