@{
    Synopsis    = 'Builds a variant object for New-KlinkyLink or Set-KlinkyVariant (no request).'
    Description = 'Creates a Klinky.Links.Variant locally: a label, a destination URL and a weight. Pass the result to -Variant. The rules (labels unique, URLs absolute http(s), weights summing to 100) are checked when the link is created.'
    Parameters  = @{
        Label  = 'The variant''s label, unique within the link, 1-50 characters; the variant labelled control is the control.'
        Url    = 'The destination URL: absolute http or https, at most 2048 characters.'
        Weight = 'The share of traffic, 0-100; the weights of a link sum to 100.'
    }
    Examples    = @(
        @{ Title = 'Two variants for a new link'; Code = "`$a = New-KlinkyVariant control https://example.com/home 50`n`$b = New-KlinkyVariant variant_b https://example.com/home-v2 50`nNew-KlinkyLink -Name 'Homepage test' -Variant `$a, `$b"; Remarks = 'Builds the variants locally, then creates the link with one request.' }
    )
    Inputs      = @('System.String, System.Int32 (by property name: Label, Url, Weight)')
}
