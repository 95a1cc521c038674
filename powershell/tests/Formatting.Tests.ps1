# What people see: every object the module writes has a Format-List view that shows its fields (never a .NET type
# name such as System.Collections.Generic.List`1[...] or Klinky.Links.Link), and times as times.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-KlinkyTestModulePath) 'Klinky.psd1') -Force
    # Every type a cmdlet declares it writes, and the objects nested in them that Format-List is pointed at.
    $declared = Get-Command -Module Klinky | ForEach-Object OutputType | ForEach-Object Name | Where-Object { $_ -notin 'System.String', 'System.Void' }
    $script:types = @($declared) + 'Klinky.Links.Variant', 'Klinky.Stats.VariantStats' | Sort-Object -Unique | ForEach-Object { @{ Type = $_ } }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-KlinkyTestModulePath) 'Klinky.psd1') -Force
    $emulator = Start-KlinkyEmulator -Plan unlimited
    Connect-Klinky -ApiKey (ConvertTo-SecureKey $emulator.ApiKey) -BaseUrl $emulator.BaseUrl | Out-Null
    $link = New-KlinkyLink -Name 'Formats' -Slug 'formats' -ConversionTracking -GeoRule @{ default = 'control' } -Variant 'control:50=https://a.example/f variant_b:50=https://b.example/f'
    Invoke-KlinkyVisit $emulator 'formats' | Out-Null
    $row = Get-KlinkyStats -Slug 'formats' | Select-Object -First 1
    # One object of every type the module writes.
    $samples = @{
        'Klinky.Links.Link'                               = $link
        'Klinky.Links.Variant'                            = $link.Variants[0]
        'Klinky.PowerShell.Stats.KlinkyVariantStats'      = $row
        'Klinky.Stats.LinkStats'                          = $row.Stats
        'Klinky.Stats.VariantStats'                       = $row.Stats.Variants[0]
        'Klinky.Clicks.Click'                             = Get-KlinkyClick -Slug 'formats' -First 1
        'Klinky.PowerShell.Connection.KlinkyConnection'   = Get-KlinkyConnection
        'Klinky.RateLimits.RateLimitState'                = Get-KlinkyRateLimit -Refresh
        # What Publish-KlinkyReport writes after posting (its platforms are fakes in the xunit tests; the view is what is checked here).
        'Klinky.PowerShell.Publishing.KlinkyPublishResult' = [Klinky.PowerShell.Publishing.KlinkyPublishResult]@{
            Platform = 'GitHub'; Target = 'octo-org/octo-repo#7'; Action = 'Updated'; CommentId = '1001'
            CommentUrl = 'https://github.com/octo-org/octo-repo/pull/7#issuecomment-1001'; Status = 'success'; StatusDescription = 'variant_b beats control'
        }
    }
}

AfterAll {
    Disconnect-Klinky
    $emulator | Stop-KlinkyEmulator
}

Describe 'Format-List of <Type>' -ForEach $types {
    It 'has a table and a list view' {
        $controls = (Get-FormatData -TypeName $Type -PowerShellVersion $PSVersionTable.PSVersion).FormatViewDefinition | ForEach-Object { $_.Control.GetType().Name }
        $controls | Should -Contain 'ListControl'
        if ($Type -notin 'Klinky.Stats.VariantStats') { $controls | Should -Contain 'TableControl' }
    }

    It 'shows fields, never a .NET type name or a raw epoch' {
        $samples.ContainsKey($Type) | Should -BeTrue -Because "the test has a $Type to format"
        $text = $samples[$Type] | Format-List | Out-String -Width 200
        $text | Should -Not -Match 'System\.\w+|Klinky\.\w+\.\w+|\[\]|\b1[5-9]\d{8}\b'
        ($text -split "`n" | Where-Object { $_ -match '^\S[^:]*: \S' }).Count | Should -BeGreaterThan 2
    }
}

Describe 'The fields Format-List shows' {
    It 'a link: its variants in the compact form, geo rules, times in UTC' {
        $text = $link | Format-List | Out-String -Width 200
        $text | Should -Match 'Variants\s+: control:50=https://a\.example/f variant_b:50=https://b\.example/f'
        $text | Should -Match 'GeoRules\s+: default=control'
        $text | Should -Match 'CreatedAt \(UTC\)\s+: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d'
    }

    It 'a stats row: the figures the table leaves out, and the verdict' {
        $text = Get-KlinkyStats -Slug 'formats' | Where-Object Label -EQ 'variant_b' | Format-List | Out-String -Width 200
        $text | Should -Match 'Weight\s+: 50'
        $text | Should -Match 'ProbabilityToBeBest\s+: 0\.\d{4} \(descriptive\)'
        $text | Should -Match 'LinkVerdict\s+: Collecting data: 10\d more clicks per variant needed'
        # What the verdict rests on (the stats object's additive fields), shown too, not only on the object.
        $text | Should -Match 'SampleRatioMismatch\s+: no'
        $text | Should -Match 'SignificantSince \(UTC\)\s+: -'
        $text | Should -Match 'TiedWinners\s+: -'
        $text | Should -Match 'DaysNeeded\s+: (-|about [\d.,]+ days at the current rate)'
    }

    It 'a link''s whole stats: the verdict and each variant' {
        $text = Get-KlinkyStats -Slug 'formats' -AsLinkStats | Format-List | Out-String -Width 200
        $text | Should -Match 'Verdict\s+: Collecting data:'
        $text | Should -Match 'Variants\s+: control \d+/\d+ \(.*\), variant_b \d+/\d+ \(.*\)'
    }

    It 'the connection: the budget as a sentence, never the key' {
        $text = Get-KlinkyConnection | Format-List | Out-String -Width 200
        $text | Should -Match 'RateLimit\s+: \d+ of \d+ requests left until \d\d:\d\d:\d\d UTC'
        $text | Should -Not -Match $emulator.ApiKey
    }
}
