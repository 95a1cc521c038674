BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
}

Describe 'Write-Progress while paging' {
    BeforeAll {
        $emulator = Start-KlinkyEmulator -Plan unlimited
        $variants = @(@{ label = 'control'; destination_url = 'https://a.example'; weight = 100 })
        foreach ($n in 1..5) {
            Invoke-KlinkyApi $emulator -Method POST -Path 'public/links' -Body @{ name = "Paged $n"; slug = "paged-$n"; variants = $variants } | Out-Null
        }
        $clicked = (Invoke-KlinkyApi $emulator -Path 'public/links?slug=paged-1').Body.items[0]
        # One more click than a page of the export holds (100), so the export takes two pages.
        foreach ($visit in 1..101) { Invoke-KlinkyVisit $emulator 'paged-1' | Out-Null }
    }
    AfterAll { $emulator | Stop-KlinkyEmulator }

    It 'counts the pages what is asked for needs: -First 3 of 5 links is one page, so no page count' {
        $run = Invoke-KlinkyInRunspace $emulator 'Get-KlinkyLink -First 3'
        $run.Output.Count | Should -Be 3
        $run.Progress | Where-Object RecordType -EQ 'Processing' | Should -BeNullOrEmpty
    }

    It 'says nothing like "page 1 of 21" for -First 5 of 101 clicks' {
        $run = Invoke-KlinkyInRunspace $emulator "Get-KlinkyClick -Id '$($clicked.id)' -First 5"
        $run.Output.Count | Should -Be 5
        $run.Progress | Where-Object RecordType -EQ 'Processing' | Should -BeNullOrEmpty
    }

    It 'counts from the first page read: -Skip 99 -First 2 reads pages 1 and 2 of 2' {
        $run = Invoke-KlinkyInRunspace $emulator "Get-KlinkyClick -Id '$($clicked.id)' -Skip 99 -First 2"
        $run.Output.Count | Should -Be 2
        ($run.Progress | Where-Object RecordType -EQ 'Processing').StatusDescription | Should -Be @('page 1 of 2', 'page 2 of 2')
        ($run.Progress | Select-Object -Last 1).RecordType | Should -Be 'Completed'
    }

    It 'shows no page count when one page holds every link' {
        $run = Invoke-KlinkyInRunspace $emulator "Get-KlinkyLink -Slug 'paged-*'"
        $run.Output.Count | Should -Be 5
        $run.Progress | Where-Object RecordType -EQ 'Processing' | Should -BeNullOrEmpty
    }

    It 'shows the page of clicks being exported, and completes the activity' {
        $run = Invoke-KlinkyInRunspace $emulator "Get-KlinkyClick -Id '$($clicked.id)'"
        $run.Output.Count | Should -Be 101
        $pages = $run.Progress | Where-Object { $_.Activity -like 'Exporting clicks of*' -and $_.RecordType -eq 'Processing' }
        $pages.StatusDescription | Should -Be @('page 1 of 2', 'page 2 of 2')
        ($run.Progress | Select-Object -Last 1).RecordType | Should -Be 'Completed'
    }
}

Describe 'Write-Progress while waiting out a rate limit' {
    BeforeAll {
        # Every API answer is a 429 with Retry-After: 1: the client waits (3 retries), then gives up.
        $emulator = Start-KlinkyEmulator -Chaos 'rate-limit-burst=1'
    }
    AfterAll { $emulator | Stop-KlinkyEmulator }

    It 'counts down the seconds left, then reports Klinky.RateLimited' {
        $run = Invoke-KlinkyInRunspace $emulator 'Get-KlinkyLink -First 1'
        $waits = $run.Progress | Where-Object Activity -EQ 'Waiting out the Klinky rate limit'
        ($waits | Where-Object RecordType -EQ 'Processing').StatusDescription | Should -Contain '1 s left'
        ($waits | Where-Object RecordType -EQ 'Processing')[0].SecondsRemaining | Should -Be 1
        ($waits | Select-Object -Last 1).RecordType | Should -Be 'Completed'
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'Klinky.RateLimited,*'
    }
}
