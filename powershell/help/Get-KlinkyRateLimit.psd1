@{
    Synopsis    = 'Shows the API request budget left.'
    Description = 'Returns the limit, the requests remaining and when the hourly budget resets, as the last answer''s X-RateLimit headers reported them (no request). Before any request, or with -Refresh, asks the API.'
    Parameters  = @{
        Refresh = 'Asks the API even when an earlier answer already told the budget.'
    }
    Examples    = @(
        @{ Title = 'Before a large job'; Code = 'Get-KlinkyRateLimit -Refresh'; Remarks = 'Limit, Remaining and ResetsAt.' }
    )
    Inputs      = @('None')
}
