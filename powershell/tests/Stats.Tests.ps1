BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-KlinkyTestModulePath) 'Klinky.psd1') -Force

    # Visitors for a link: each visit without a cookie is a new visitor; every $ConvertEvery-th of a variant converts.
    function Send-Traffic($Emulator, $Link, [int] $Visits, [hashtable] $ConvertEvery) {
        $seen = @{}
        for ($i = 0; $i -lt $Visits; $i++) {
            $location = Invoke-KlinkyVisit $Emulator $Link.Slug
            $variant = $Link.Variants | Where-Object { $location.StartsWith($_.DestinationUrl) } | Select-Object -First 1
            $seen[$variant.Label] = 1 + [int]$seen[$variant.Label]
            if ($location -match 'kl_cid=([^&]+)' -and $ConvertEvery[$variant.Label] -and ($seen[$variant.Label] % $ConvertEvery[$variant.Label]) -eq 0) {
                Invoke-KlinkyApi $Emulator -Method POST -Path 'public/conversions' -Body @{ click_id = $Matches[1]; event = 'signup' } | Out-Null
            }
        }
    }

    function New-TrafficLink($Slug) {
        New-KlinkyLink -Name "Stats $Slug" -Slug $Slug -ConversionTracking -AutoWinnerThreshold 10 -Variant 'control:50=https://a.example/s variant_b:50=https://b.example/s'
    }
}

Describe 'Statistics against the full emulator' {
    BeforeAll {
        $emulator = Start-KlinkyEmulator -Plan unlimited -Profile full
        Connect-Klinky -ApiKey (ConvertTo-SecureKey $emulator.ApiKey) -BaseUrl $emulator.BaseUrl | Out-Null
        $link = New-TrafficLink 'stats-one'
        New-TrafficLink 'stats-two' | Out-Null
        Send-Traffic $emulator $link -Visits 60 -ConvertEvery @{ control = 5; variant_b = 2 }
    }
    AfterAll { Disconnect-Klinky; $emulator | Stop-KlinkyEmulator }

    It 'exports clicks lazily with a LinkId on each' {
        $clicks = @(Get-KlinkyClick -Id $link.Id)
        $clicks.Count | Should -Be 60
        $clicks[0] | Should -BeOfType Klinky.Clicks.Click
        $clicks[0].LinkId | Should -Be $link.Id
        @(Get-KlinkyClick -Id $link.Id -First 5).Count | Should -Be 5
        @(Get-KlinkyClick -Id $link.Id -End ([datetime]::UtcNow.AddDays(-1))).Count | Should -Be 0
    }

    It 'writes one typed row per variant from the pipeline, with slug and id' {
        $rows = Get-KlinkyLink -Slug 'stats-*' | Get-KlinkyStats
        $rows.Count | Should -Be 4
        $rows[0] | Should -BeOfType Klinky.PowerShell.Stats.KlinkyVariantStats
        ($rows | Where-Object Slug -EQ 'stats-one' | Measure-Object Clicks -Sum).Sum | Should -Be 60
        $control = $rows | Where-Object { $_.Slug -eq 'stats-one' -and $_.Label -eq 'control' }
        $control.IsControl | Should -BeTrue
        $control.ConversionRate | Should -Be ($control.Conversions / $control.Clicks)
        $control.ConversionRateLow | Should -BeLessOrEqual $control.ConversionRate
        $control.Stats | Should -BeOfType Klinky.Stats.LinkStats
        $rows[0].Source | Should -Be 'Endpoint'
    }

    It 'binds -Id by property name from plain objects' {
        ([pscustomobject]@{ Id = $link.Id } | Get-KlinkyStats -AsLinkStats).TotalClicks | Should -Be 60
    }

    It 'fits 80 columns; each link''s header is its verdict in the report''s words; the Format-List hint comes once' {
        $rows = Get-KlinkyLink -Slug 'stats-*' | Get-KlinkyStats
        $lines = $rows | Format-Table | Out-String -Width 80 -Stream | Where-Object { $_.Trim() }
        $text = $lines -join "`n"
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 80 }
        foreach ($slug in 'stats-one', 'stats-two') {
            $header = [regex]::Match($text, "(?s)Link: $slug\n(.*?)\nVariant\s+Clicks").Groups[1].Value
            $verdict = ($rows | Where-Object Slug -EQ $slug | Select-Object -First 1).LinkVerdict
            ($header -replace '\| Format-List adds.*' -replace '\s+', ' ').Trim() | Should -Be $verdict -Because 'the header states the verdict, whole'
            # The report's Markdown, read as text: no bold markers, no escapes (variant\_b).
            $markdown = ($rows | Where-Object Slug -EQ $slug | ConvertTo-KlinkyMarkdown) -replace '\*\*', '' -replace '\\(.)', '$1'
            $markdown | Should -BeLike "*$verdict*" -Because 'the table and the report say the same'
        }
        # stats-two has no clicks: it says how many more clicks it needs, not the raw status.
        $text | Should -Match 'Link: stats-two\nCollecting data: 10 more clicks per variant needed'
        $text | Should -Not -Match 'insufficient_data|no winner yet'
        ([regex]::Matches($text, '\| Format-List adds: weight, p-value, P\(beat control\), P\(best\) \(descriptive\)')).Count | Should -Be 1
        $text | Should -Match 'Variant\s+Clicks\s+Conv\s+Rate\s+Uplift\s+Always-valid 95%\s+Verdict'
        $text | Should -Match 'variant_b\s+\d+\s+\d+\s+[\d.]+%\s+[+-][\d.]+%\s+[+-]\d+%\.\.[+-]\d+%\s+(better|worse|inconclusive)'
        $list = Get-KlinkyStats -Id $link.Id | Where-Object Label -EQ 'variant_b' | Format-List | Out-String
        $list | Should -Match 'ProbabilityToBeBest\s*: 0\.\d+ \(descriptive\)'
        $list | Should -Match 'PValue\s*: '
        $list | Should -Match 'Weight\s*: 50'
    }

    It 'plans VisitorsNeeded for -MinimumEffect without another request' {
        $default = Get-KlinkyStats -Id $link.Id -AsLinkStats
        $before = (Get-KlinkyConnection).RequestsSent
        $larger = Get-KlinkyStats -Id $link.Id -AsLinkStats -MinimumEffect 0.5
        (Get-KlinkyConnection).RequestsSent | Should -Be ($before + 1)
        $default.MinimumEffect | Should -Be 0.2
        $larger.MinimumEffect | Should -Be 0.5
        $larger.VisitorsNeeded | Should -BeLessThan $default.VisitorsNeeded
        $larger.Status | Should -Be $default.Status
    }

    It 'reads well as a table at 120 columns' {
        $lines = Get-KlinkyLink -Slug 'stats-*' | Get-KlinkyStats | Format-Table | Out-String -Width 120 -Stream | Where-Object { $_.Trim() }
        ($lines -join "`n") | Should -Match 'stats-one'
        ($lines -join "`n") | Should -Match 'Variant\s+Clicks\s+Conv\s+Rate'
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
    }

    It 'declares a winner from a stats row, and -WhatIf sends nothing' {
        $row = Get-KlinkyStats -Id $link.Id | Where-Object Label -EQ 'variant_b'
        $before = (Get-KlinkyConnection).RequestsSent
        $row | Set-KlinkyWinner -WhatIf -Force
        (Get-KlinkyConnection).RequestsSent | Should -Be $before
        # -Force: 60 visitors rarely make a significant test (Winners.Tests.ps1 covers the check itself).
        ($row | Set-KlinkyWinner -Force).WinnerLabel | Should -Be 'variant_b'
        (Invoke-KlinkyApi $emulator -Path "public/links/$($link.Id)").Body.winner_label | Should -Be 'variant_b'
    }

    It 'renders the Markdown report from Get-KlinkyStats output' {
        $markdown = Get-KlinkyLink -Slug 'stats-*' | Get-KlinkyStats | ConvertTo-KlinkyMarkdown
        $markdown | Should -BeOfType string
        $markdown | Should -Match 'stats-one'
        $markdown | Should -Match 'variant_b'
    }

    It 'shows the rate limit from the last answer, or asks with -Refresh' {
        $state = Get-KlinkyRateLimit -Refresh
        $state | Should -BeOfType Klinky.RateLimits.RateLimitState
        $state.Limit | Should -BeGreaterThan 0
    }
}

Describe 'Statistics against a server with only the documented routes' {
    BeforeAll {
        $emulator = Start-KlinkyEmulator -Plan unlimited -Profile documented
        Connect-Klinky -ApiKey (ConvertTo-SecureKey $emulator.ApiKey) -BaseUrl $emulator.BaseUrl | Out-Null
        $link = New-TrafficLink 'doc-one'
        Send-Traffic $emulator $link -Visits 30 -ConvertEvery @{ control = 3; variant_b = 3 }
    }
    AfterAll { Disconnect-Klinky; $emulator | Stop-KlinkyEmulator }

    It 'falls back to computing stats from the clicks export, and says so' {
        $output = & { Get-KlinkyLink -Slug 'doc-one' | Get-KlinkyStats -Verbose } 4>&1
        $rows = $output | Where-Object { $_ -is [Klinky.PowerShell.Stats.KlinkyVariantStats] }
        ($rows | Measure-Object Clicks -Sum).Sum | Should -Be 30
        $rows[0].Source | Should -Be 'ComputedFromClicks'
        ($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Out-String) | Should -Match 'computed from the clicks export'
    }
}

Describe 'Rate limits on the Growth plan' {
    BeforeAll {
        $emulator = Start-KlinkyEmulator -Plan growth
        $link = (Invoke-KlinkyApi $emulator -Method POST -Path 'public/links' -Body @{ name = 'Budget'; slug = 'budget'; variants = @(@{ label = 'control'; destination_url = 'https://a.example'; weight = 100 }) }).Body
        # Spend the hourly budget outside the module, so the module's client meets the server's 429 itself.
        do { $answer = Invoke-KlinkyApi $emulator -Path "public/links/$($link.id)" } while ($answer.Status -ne 429)
        # -SkipVerify: Connect-Klinky's free read would tell the client the budget is spent, and it would never send.
        Connect-Klinky -ApiKey (ConvertTo-SecureKey $emulator.ApiKey) -BaseUrl $emulator.BaseUrl -SkipVerify | Out-Null
    }
    AfterAll { Disconnect-Klinky; $emulator | Stop-KlinkyEmulator }

    It 'reports 429 as Klinky.RateLimited with when the budget resets' {
        Get-KlinkyLink -Id $link.id -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'Klinky.RateLimited,*'
        $problems[0].CategoryInfo.Category | Should -Be 'LimitsExceeded'
        $problems[0].ErrorDetails.RecommendedAction | Should -Match 'UTC'
        $problems[0].Exception.StatusCode | Should -Be 429
    }

    It 'then refuses without sending, from the known budget' {
        $before = (Get-KlinkyConnection).RequestsSent
        Get-KlinkyLink -Id $link.id -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'Klinky.RateLimited,*'
        (Get-KlinkyConnection).RequestsSent | Should -Be $before
    }

    It 'knows the spent budget from Connect-Klinky''s free read, so the first cmdlet refuses without sending' {
        $connection = Connect-Klinky -ApiKey (ConvertTo-SecureKey $emulator.ApiKey) -BaseUrl $emulator.BaseUrl
        $connection.RateLimit.Remaining | Should -Be 0
        Get-KlinkyLink -Id $link.id -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'Klinky.RateLimited,*'
        # The check is the free rate-limit read, which RequestsSent does not count (the hour does not either).
        (Get-KlinkyConnection).RequestsSent | Should -Be 0 -Because 'only the free check was sent'
    }
}

Describe 'The report cmdlets take Get-KlinkyStats output only' {
    It '<Cmdlet> names itself and what it was given, and goes on with the rest of the pipeline' -ForEach @(
        @{ Cmdlet = 'ConvertTo-KlinkyMarkdown'; Arguments = @{} }
        @{ Cmdlet = 'Publish-KlinkyReport'; Arguments = @{ CommentKey = 'wrong-input'; WhatIf = $true } }
    ) {
        $problems = @()
        'not a stats row' | & $Cmdlet @Arguments -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null
        $problems[0].FullyQualifiedErrorId | Should -BeLike "Klinky.InvalidArgument,*"
        $problems[0].Exception.Message | Should -Be "$Cmdlet takes the output of Get-KlinkyStats, not a String."
    }
}
