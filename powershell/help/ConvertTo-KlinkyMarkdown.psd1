@{
    Synopsis    = 'Renders statistics as the Markdown report the Klinky GitHub Action posts.'
    Description = 'Collects the rows (or -AsLinkStats objects) of Get-KlinkyStats from the pipeline and renders one Markdown report for all of their links with Klinky.Core''s report renderer: the same text the GitHub Action comments on pull requests. Sends no request.'
    Parameters  = @{
        InputObject = 'Rows of Get-KlinkyStats or Klinky.Stats.LinkStats objects.'
        Title       = 'The report''s heading.'
    }
    Examples    = @(
        @{ Title = 'A report for a pull request'; Code = "Get-KlinkyLink -Slug 'pr-42-*' | Get-KlinkyStats | ConvertTo-KlinkyMarkdown | Set-Content report.md"; Remarks = 'Writes the report to a file.' }
    )
    Inputs      = @('Klinky.PowerShell.Stats.KlinkyVariantStats', 'Klinky.Stats.LinkStats')
}
