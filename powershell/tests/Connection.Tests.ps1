# Connect-Klinky checks the key and the base URL at once with the one read that spends no budget, keeps the previous
# connection when the check fails, writes one row, and refuses a key typed as plain text without showing it.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-KlinkyTestModulePath) 'Klinky.psd1') -Force
    $emulator = Start-KlinkyEmulator -Plan growth
    $key = ConvertTo-SecureKey $emulator.ApiKey
    function Get-Remaining { (Invoke-KlinkyApi $emulator -Path 'public/keys/rate-limit').Body.remaining }
    function Connect-Good { Connect-Klinky -ApiKey $key -BaseUrl $emulator.BaseUrl }
}

AfterAll {
    Disconnect-Klinky
    $emulator | Stop-KlinkyEmulator
}

Describe 'Connect-Klinky' {
    It 'checks the key with the free rate-limit read: none of the budget spent, and none counted as spent' {
        $before = Get-Remaining
        $connection = Connect-Good
        (Get-Remaining) | Should -Be $before
        $connection.RequestsSent | Should -Be 0 -Because 'RequestsSent counts what the hour counts, and the read is free'
        $connection.RateLimit.Remaining | Should -Be $before
        $connection.RateLimit.Limit | Should -Be 100
    }

    It 'writes one row: the connection with the budget it read' {
        $lines = Connect-Good | Out-String -Width 120 -Stream | Where-Object { $_.Trim() }
        $lines.Count | Should -Be 3 -Because 'a header, its underline and one row'
        $lines[2] | Should -Match "^$([regex]::Escape($emulator.BaseUrl))\s+Connect-Klinky\s+0 \d+/100 until \d\d:\d\dZ$"
    }

    It 'fails at once on a wrong key, as Klinky.AuthenticationFailed, and keeps the previous connection' {
        $previous = Connect-Good
        $wrong = 'klinky_live_' + ('w' * 32)
        $thrown = { Connect-Klinky -ApiKey (ConvertTo-SecureKey $wrong) -BaseUrl $emulator.BaseUrl } | Should -Throw -ErrorId 'Klinky.AuthenticationFailed,*' -PassThru
        $thrown.ErrorDetails.Message | Should -BeLike 'Connect-Klinky checked the key and base URL*kept the previous connection*401*'
        $thrown.ErrorDetails.RecommendedAction | Should -BeLike '*-SkipVerify*'
        ($thrown | Out-String) + $thrown.ErrorDetails | Should -Not -BeLike "*$wrong*"
        (Get-KlinkyConnection).ConnectedAt | Should -Be $previous.ConnectedAt
    }

    It 'fails at once on a base URL without /api/v1, as Klinky.WrongBaseUrl' {
        $thrown = { Connect-Klinky -ApiKey $key -BaseUrl $emulator.RootUrl } | Should -Throw -ErrorId 'Klinky.WrongBaseUrl,*' -PassThru
        $thrown.ErrorDetails.Message | Should -Match 'should end in /api/v1'
    }

    It 'fails at once on an unreachable host; -SkipVerify connects without a request (offline)' {
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
        { Connect-Klinky -ApiKey $key -BaseUrl "http://127.0.0.1:$port/api/v1" } | Should -Throw -ErrorId 'Klinky.ConnectionFailed,*'
        $offline = Connect-Klinky -ApiKey $key -BaseUrl "http://127.0.0.1:$port/api/v1" -SkipVerify
        $offline.RequestsSent | Should -Be 0
        $offline.RateLimit | Should -BeNullOrEmpty
        (Get-KlinkyConnection).BaseUrl | Should -Be "http://127.0.0.1:$port/api/v1"
        Connect-Good | Out-Null
    }

    It 'refuses a key typed as plain text, showing how to make a SecureString and never the key' {
        $plain = 'klinky_live_' + [guid]::NewGuid().ToString('N')
        $thrown = { Connect-Klinky -ApiKey $plain } | Should -Throw -PassThru
        $thrown.Exception.Message | Should -BeLike '*must be a SecureString*Read-Host -AsSecureString*ConvertTo-SecureString*-AsPlainText*'
        ($thrown | Format-List * -Force | Out-String) + $thrown.Exception.Message | Should -Not -BeLike "*$plain*"
    }

    It 'is shown once in the manual: its walkthrough does not print the same row again with Get-KlinkyConnection' {
        $manual = Get-Content (Join-Path $PSScriptRoot '../../docs/powershell.md') -Raw
        $block = [regex]::Match($manual, '(?ms)^```powershell\r?\n(Connect-Klinky -ApiKey \(Read-Host.*?)^```').Groups[1].Value
        $block | Should -Not -BeNullOrEmpty
        $block | Should -Not -Match 'Get-KlinkyConnection'
    }
}
