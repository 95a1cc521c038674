# Set-KlinkyWinner declares without -Force only the winner the always-valid test recommends, and otherwise says why in
# the Markdown report's words. Traffic comes from the emulator's own simulate command (real redirects and conversions).
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-KlinkyTestModulePath) 'Klinky.psd1') -Force
    $emulator = Start-KlinkyEmulator -Plan unlimited
    Connect-Klinky -ApiKey (ConvertTo-SecureKey $emulator.ApiKey) -BaseUrl $emulator.BaseUrl | Out-Null
    function Get-WinnerLabel([string] $Id) { (Invoke-KlinkyApi $emulator -Path "public/links/$Id").Body.winner_label }
    function New-WinnerLink([string] $Slug) {
        New-KlinkyLink -Name "Winner $Slug" -Slug $Slug -ConversionTracking -AutoWinnerThreshold 10 -Variant "control:50=https://a.example/$Slug variant_b:50=https://b.example/$Slug"
    }

    $quiet = New-WinnerLink 'no-traffic'
    $clear = New-WinnerLink 'clear-winner'
    # 5% against 60%: significant by the always-valid test long before 400 visitors. The key in the command's own
    # KLINKY_API_KEY, as the docs tell users, not in this process's environment.
    $simulated = Invoke-TestProcess -FilePath 'dotnet' -Environment @{ KLINKY_API_KEY = $emulator.ApiKey } -ArgumentList (Get-KlinkyEmulatorDll), 'simulate', '--base-url', $emulator.RootUrl, '--slug', 'clear-winner', '--visitors', '400', '--conversion', 'control=0.05,variant_b=0.6', '--seed', '7'
    if ($simulated.ExitCode -ne 0) { throw "simulate failed: $($simulated.Output)" }
}

AfterAll {
    Disconnect-Klinky
    $emulator | Stop-KlinkyEmulator
}

Describe 'Set-KlinkyWinner on a test that is not significant' {
    It 'refuses -Confirm:$false alone, with the verdict and "N more clicks needed" as the reason, and declares nothing' {
        Set-KlinkyWinner -Slug 'no-traffic' -Label variant_b -Confirm:$false -ErrorVariable problems -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'Klinky.NotSignificant,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $message = $problems[0].ErrorDetails.Message
        $message | Should -BeLike "no-traffic: 'variant_b' was not declared the winner: the test has no significant result. Collecting data: 10 more clicks per variant needed*Add -Force to declare 'variant_b' anyway*"
        Get-WinnerLabel $quiet.Id | Should -BeNullOrEmpty
    }

    It 'gives the same reason as the Markdown report, word for word' {
        Set-KlinkyWinner -Id $quiet.Id -Label variant_b -Confirm:$false -ErrorVariable problems -ErrorAction SilentlyContinue
        $markdown = Get-KlinkyStats -Id $quiet.Id | ConvertTo-KlinkyMarkdown
        $headline = [regex]::Match($markdown, '\*\*(Collecting data: [^*]+)\*\*').Groups[1].Value
        $headline | Should -Not -BeNullOrEmpty
        $problems[0].ErrorDetails.Message | Should -BeLike "*$headline*"
    }

    It 'checks a piped Get-KlinkyStats row without a request, and -WhatIf then sends nothing at all' {
        $rows = Get-KlinkyStats -Slug 'no-traffic'
        $before = (Get-KlinkyConnection).RequestsSent
        $rows | Where-Object Label -EQ 'variant_b' | Set-KlinkyWinner -WhatIf -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'Klinky.NotSignificant,*'
        (Get-KlinkyConnection).RequestsSent | Should -Be $before
    }

    It 'declares it with -Force, without asking for the stats' {
        $before = (Get-KlinkyConnection).RequestsSent
        (Set-KlinkyWinner -Id $quiet.Id -Label variant_b -Force).WinnerLabel | Should -Be 'variant_b'
        (Get-KlinkyConnection).RequestsSent | Should -Be ($before + 1)
        Get-WinnerLabel $quiet.Id | Should -Be 'variant_b'
    }
}

Describe 'Set-KlinkyWinner on a significant test' {
    It 'refuses a label the test does not recommend, naming the one it does' {
        Set-KlinkyWinner -Slug 'clear-winner' -Label control -Confirm:$false -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'Klinky.NotSignificant,*'
        $problems[0].ErrorDetails.Message | Should -BeLike "*the test recommends 'variant_b', not 'control'. variant_b beats control*"
        Get-WinnerLabel $clear.Id | Should -BeNullOrEmpty
    }

    It 'declares the recommended winner from the documented pipeline without -Force, in one request' {
        $rows = Get-KlinkyStats -Slug 'clear-winner'
        ($rows | Select-Object -First 1).RecommendedWinner | Should -Be 'variant_b' -Because ($rows[0].LinkVerdict)
        $before = (Get-KlinkyConnection).RequestsSent
        $declared = $rows | Where-Object { $_.Label -eq $_.RecommendedWinner } | Set-KlinkyWinner -Confirm:$false
        $declared.WinnerLabel | Should -Be 'variant_b'
        (Get-KlinkyConnection).RequestsSent | Should -Be ($before + 1)
        Get-WinnerLabel $clear.Id | Should -Be 'variant_b'
    }
}
