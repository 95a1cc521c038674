BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-KlinkyTestModulePath) 'Klinky.psd1') -Force
    $emulator = Start-KlinkyEmulator -Plan scale
    Connect-Klinky -ApiKey (ConvertTo-SecureKey $emulator.ApiKey) -BaseUrl $emulator.BaseUrl | Out-Null
    function Get-TestLinkArguments([string] $Slug) {
        @{ Name = "Test $Slug"; Slug = $Slug; Variant = "control:50=https://a.example/$Slug variant_b:50=https://b.example/$Slug" }
    }
    function New-TestLink([string] $Slug) { $arguments = Get-TestLinkArguments $Slug; New-KlinkyLink @arguments }
    function Get-LinkCount { (Invoke-KlinkyApi $emulator -Path 'public/links?per_page=1').Body.total }
}

AfterAll {
    Disconnect-Klinky
    $emulator | Stop-KlinkyEmulator
}

Describe 'Connect-Klinky and Get-KlinkyConnection' {
    It 'shows the base URL and never the key' {
        $connection = Get-KlinkyConnection
        $connection.BaseUrl | Should -Be $emulator.BaseUrl
        $connection.Source | Should -Be 'Connect-Klinky'
        ($connection | Format-List * | Out-String) | Should -Not -Match $emulator.ApiKey
    }

    It 'falls back to KLINKY_API_KEY and KLINKY_BASE_URL without Connect-Klinky' {
        # A pwsh of its own with the variables set: this process's environment stays as it is for every other test.
        $child = Invoke-ChildPwsh -Environment @{ KLINKY_API_KEY = $emulator.ApiKey; KLINKY_BASE_URL = $emulator.BaseUrl } -Command @"
`$ErrorActionPreference = 'Stop'
Import-Module '$(Join-Path (Get-KlinkyTestModulePath) 'Klinky.psd1')'
"source=`$((Get-KlinkyConnection).Source)"
Get-KlinkyLink -First 1 | Out-Null
'listed'
"@
        $child.ExitCode | Should -Be 0 -Because $child.Output
        $child.Output | Should -Match '(?m)^source=Environment\s*$'
        $child.Output | Should -Match '(?m)^listed\s*$'
    }

    It 'says how to connect when there is no key' {
        Disconnect-Klinky
        try {
            { Get-KlinkyLink -First 1 -ErrorAction Stop } | Should -Throw -ErrorId 'Klinky.NotConnected,*'
        }
        finally { Connect-Klinky -ApiKey (ConvertTo-SecureKey $emulator.ApiKey) -BaseUrl $emulator.BaseUrl | Out-Null }
    }
}

Describe 'Connect-Klinky input and a wrong base URL' {
    It 'never echoes a key pasted into -BaseUrl, in the message or the TargetObject' {
        $key = 'klinky_live_' + [guid]::NewGuid().ToString('N')
        try {
            Connect-Klinky -ApiKey (ConvertTo-SecureKey $key) -BaseUrl $key -ErrorAction Stop
            throw 'Connect-Klinky accepted a key as the base URL'
        }
        catch { $record = $_ }
        finally { Connect-Klinky -ApiKey (ConvertTo-SecureKey $emulator.ApiKey) -BaseUrl $emulator.BaseUrl | Out-Null }
        $record.FullyQualifiedErrorId | Should -BeLike 'Klinky.InvalidArgument,*'
        $record.Exception.Message | Should -Match "parameter 'BaseUrl': '\[redacted\]' is not an absolute http\(s\) URL"
        $shown = ($record | Format-List * -Force | Out-String) + $record.Exception.Message + [string]$record.TargetObject + [string]$record.ErrorDetails
        $shown | Should -Not -Match $key
    }

    It 'never echoes the key pasted into another parameter (-Variant), in the message or the TargetObject' {
        $before = (Get-KlinkyConnection).RequestsSent
        New-KlinkyLink -Name 'Pasted key' -Slug 'pasted-key' -Variant "control:100=$($emulator.ApiKey)" -ErrorVariable problems -ErrorAction SilentlyContinue
        (Get-KlinkyConnection).RequestsSent | Should -Be $before
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'Klinky.InvalidVariant,*'
        $problems[0].ErrorDetails.Message | Should -Match "'\[redacted\]' is not an absolute http\(s\) URL"
        $shown = ($problems[0] | Format-List * -Force | Out-String) + $problems[0].Exception.Message + ($problems[0].TargetObject | Out-String) + [string]$problems[0].ErrorDetails
        $shown | Should -Not -Match $emulator.ApiKey
    }

    It 'names a base URL without /api/v1 as such (a real server that is not a Klinky API)' {
        try {
            # -SkipVerify: the cmdlet after it meets the wrong URL (Connect-Klinky's own check is in Connection.Tests.ps1).
            Connect-Klinky -ApiKey (ConvertTo-SecureKey $emulator.ApiKey) -BaseUrl $emulator.RootUrl -SkipVerify | Out-Null
            Get-KlinkyLink -First 1 -ErrorVariable problems -ErrorAction SilentlyContinue
        }
        finally { Connect-Klinky -ApiKey (ConvertTo-SecureKey $emulator.ApiKey) -BaseUrl $emulator.BaseUrl | Out-Null }
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'Klinky.WrongBaseUrl,*'
        $problems[0].Exception | Should -BeOfType Klinky.KlinkyBaseUrlException
        $problems[0].ErrorDetails.Message | Should -Match 'does not look like a Klinky API.*should end in /api/v1'
        $problems[0].ErrorDetails.RecommendedAction | Should -Match 'Connect-Klinky -BaseUrl'
    }
}

Describe 'Answers that are not Klinky JSON' {
    BeforeAll {
        # A real HTTP server answering every request with one fixed body: what a gateway or a wrong host may send.
        function Start-FixedAnswerServer([string] $Body) {
            $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
            $probe.Start(); $port = $probe.LocalEndpoint.Port; $probe.Stop()
            $listener = [System.Net.HttpListener]::new()
            $listener.Prefixes.Add("http://127.0.0.1:$port/")
            $listener.Start()
            $runspace = [powershell]::Create()
            $null = $runspace.AddScript({
                param($listener, $body)
                $bytes = [System.Text.Encoding]::UTF8.GetBytes($body)
                while ($listener.IsListening) {
                    try { $context = $listener.GetContext() } catch { break }
                    try {
                        $context.Response.ContentType = 'application/json'
                        $context.Response.OutputStream.Write($bytes, 0, $bytes.Length)
                        $context.Response.Close()
                    }
                    catch { }
                }
            }).AddArgument($listener).AddArgument($Body)
            $null = $runspace.BeginInvoke()
            [pscustomobject]@{ BaseUrl = "http://127.0.0.1:$port/api/v1"; Listener = $listener; Runspace = $runspace }
        }
        function Stop-FixedAnswerServer($Server) { $Server.Listener.Stop(); $Server.Listener.Close(); $Server.Runspace.Dispose() }
        function Get-ListingErrors($Server) {
            try {
                Connect-Klinky -ApiKey (ConvertTo-SecureKey $emulator.ApiKey) -BaseUrl $Server.BaseUrl -SkipVerify | Out-Null
                $found = @(Get-KlinkyLink -Slug 'some-slug' -ErrorVariable problems -ErrorAction SilentlyContinue)
                [pscustomobject]@{ Found = $found; Problems = @($problems) }
            }
            finally { Connect-Klinky -ApiKey (ConvertTo-SecureKey $emulator.ApiKey) -BaseUrl $emulator.BaseUrl | Out-Null }
        }
    }

    It 'reports a bare {} list answer as an invalid answer, not as "no such link"' {
        $server = Start-FixedAnswerServer '{}'
        try { $result = Get-ListingErrors $server }
        finally { Stop-FixedAnswerServer $server }
        $result.Found.Count | Should -Be 0
        $result.Problems.Count | Should -Be 1
        $result.Problems[0].FullyQualifiedErrorId | Should -BeLike 'Klinky.InvalidResponse,*'
        $result.Problems[0].Exception.Message | Should -Match "without its required field 'items'"
    }

    It 'refuses an answer above the size cap with an ErrorRecord, not an OutOfMemoryException' {
        $server = Start-FixedAnswerServer ('{"items": [' + (' ' * (17 * 1024 * 1024)) + ']}')
        try { $result = Get-ListingErrors $server }
        finally { Stop-FixedAnswerServer $server }
        $result.Problems.Count | Should -Be 1
        $result.Problems[0].FullyQualifiedErrorId | Should -BeLike 'Klinky.InvalidResponse,*'
        $result.Problems[0].Exception.Message | Should -Match 'larger than the 16 MB the client accepts'
        $result.Problems[0].Exception.Message | Should -Not -Match 'KlinkyClientOptions'
    }
}

Describe 'New-KlinkyLink' {
    It 'creates a link from hashtables with case-insensitive keys and destination_url' {
        $link = New-KlinkyLink -Name 'Hashtables' -Slug 'ht-one' -Variant @{ label = 'control'; URL = 'https://a.example'; Weight = 60 }, @{ Label = 'variant_b'; destination_url = 'https://b.example'; weight = '40' }
        $link | Should -BeOfType Klinky.Links.Link
        $link.Slug | Should -Be 'ht-one'
        $link.Variants.Weight | Should -Be @(60, 40)
        $link.Variants[1].DestinationUrl | Should -Be 'https://b.example'
    }

    It 'creates a link from New-KlinkyVariant objects and options' {
        $variants = (New-KlinkyVariant control https://a.example 50), (New-KlinkyVariant variant_b https://b.example 50)
        $link = New-KlinkyLink -Name 'Objects' -Slug 'obj-one' -Variant $variants -AutoWinner -AutoWinnerThreshold 20 -ConversionTracking
        $link.AutoWinner | Should -BeTrue
        $link.AutoWinnerThreshold | Should -Be 20
        $link.EnableConversionTracking | Should -BeTrue
    }

    It 'creates a geo-routed link with rules and a conversion redirect' {
        $link = New-KlinkyLink -Name 'Geo' -Slug 'geo-one' -Variant 'control:50=https://a.example/g variant_b:50=https://b.example/g' `
            -RoutingType geo -GeoRule @{ US = 'control'; default = 'variant_b' } -ConversionRedirectUrl 'https://a.example/thanks'
        $stored = (Invoke-KlinkyApi $emulator -Path "public/links/$($link.Id)").Body
        $stored.routing_type | Should -Be 'geo'
        $stored.geo_rules.US | Should -Be 'control'
        $stored.geo_rules.default | Should -Be 'variant_b'
        $stored.conversion_redirect_url | Should -Be 'https://a.example/thanks'
    }

    It 'rejects invalid variants before any request, naming the parameter' {
        $before = (Get-KlinkyConnection).RequestsSent
        New-KlinkyLink -Name 'Bad' -Variant 'control:50=https://a.example b:40=https://b.example' -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'Klinky.InvalidVariant,*'
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $problems[0].ErrorDetails.Message | Should -Match "parameter 'Variant'.*sum to 90"
        $problems[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
        (Get-KlinkyConnection).RequestsSent | Should -Be $before
    }

    It 'rejects a malformed compact variant naming the entry' {
        { New-KlinkyLink -Name 'Bad' -Variant 'control=https://a.example' -ErrorAction Stop } | Should -Throw -ErrorId 'Klinky.InvalidVariant,*'
    }

    It 'answers variants joined by commas with one message saying variants are separated by spaces, before any request' {
        $before = (Get-KlinkyConnection).RequestsSent
        foreach ($spec in 'control:50=https://a.example,variant_b:50=https://b.example', 'control:50=https://a.example/a, variant_b:50=https://b.example/b') {
            New-KlinkyLink -Name 'Commas' -Variant $spec -ErrorVariable problems -ErrorAction SilentlyContinue
            $problems.Count | Should -Be 1
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'Klinky.InvalidVariant,*'
            $message = $problems[0].ErrorDetails.Message
            @($message -split "`n").Count | Should -Be 1 -Because "one clear message, not several glued together: $message"
            $message | Should -BeLike "Cannot validate argument on parameter 'Variant': variants``[0``]: * joins variants with a comma; separate variants with spaces, as in 'control:50=https://a.example/x variant_b:50=https://b.example/y'"
        }
        (Get-KlinkyConnection).RequestsSent | Should -Be $before
    }

    It 'sends nothing with -WhatIf' {
        $countBefore = Get-LinkCount
        $sentBefore = (Get-KlinkyConnection).RequestsSent
        $arguments = Get-TestLinkArguments 'whatif-new'
        New-KlinkyLink @arguments -WhatIf
        (Get-KlinkyConnection).RequestsSent | Should -Be $sentBefore
        Get-LinkCount | Should -Be $countBefore
    }

    It 'reports 409 for a slug that is taken' {
        $arguments = Get-TestLinkArguments 'taken-slug'
        New-KlinkyLink @arguments | Out-Null
        New-KlinkyLink @arguments -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'Klinky.SlugTaken,*'
        $problems[0].CategoryInfo.Category | Should -Be 'ResourceExists'
    }

    It 'imports a CSV with one bad row: the bad row is an error, the others are created' {
        $csv = Join-Path $TestDrive 'links.csv'
        @(
            [pscustomobject]@{ Name = 'Csv one'; Slug = 'csv-one'; Variant = 'control:50=https://a.example/1 variant_b:50=https://b.example/1' }
            [pscustomobject]@{ Name = 'Csv bad'; Slug = 'csv-bad'; Variant = 'control:50=https://a.example/2 variant_b:20=https://b.example/2' }
            [pscustomobject]@{ Name = 'Csv three'; Slug = 'csv-three'; Variant = 'control:100=https://a.example/3' }
        ) | Export-Csv $csv -NoTypeInformation
        $created = Import-Csv $csv | New-KlinkyLink -ErrorVariable problems -ErrorAction SilentlyContinue
        $created.Slug | Should -Be @('csv-one', 'csv-three')
        $problems.Count | Should -Be 1
        $problems[0].TargetObject | Should -Match 'csv-bad'
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'Klinky.InvalidVariant,*'
    }
}

Describe 'Get-KlinkyLink' {
    BeforeAll {
        'pr-42-home', 'pr-42-cart', 'pr-43-home' | ForEach-Object { New-TestLink $_ | Out-Null }
    }

    It 'gets by wildcard slug' {
        (Get-KlinkyLink -Slug 'pr-42-*').Slug | Sort-Object | Should -Be @('pr-42-cart', 'pr-42-home')
    }

    It 'gets by exact slug and by id from the pipeline' {
        $link = Get-KlinkyLink -Slug 'pr-43-home'
        ($link | Get-KlinkyLink).Id | Should -Be $link.Id
        ([pscustomobject]@{ Id = $link.Id } | Get-KlinkyLink).Slug | Should -Be 'pr-43-home'
    }

    It 'pages lazily: -First 1 costs one request' {
        $before = (Get-KlinkyConnection).RequestsSent
        @(Get-KlinkyLink -First 1).Count | Should -Be 1
        (Get-KlinkyConnection).RequestsSent | Should -Be ($before + 1)
    }

    It 'supports -Skip and -IncludeTotalCount' {
        $all = @(Get-KlinkyLink)
        $page = @(Get-KlinkyLink -Skip 1 -First 2 -IncludeTotalCount)
        # The whole number, not a substring of it: "3" must not pass for 13.
        ($page[0].ToString() -replace '[^0-9]') | Should -Be ([string]$all.Count)
        $page[1].Id | Should -Be $all[1].Id
        $page[2].Id | Should -Be $all[2].Id
        $page.Count | Should -Be 3
    }

    It 'skips without -First in one request, not one per link' {
        $all = @(Get-KlinkyLink)
        $all.Count | Should -BeGreaterThan 2 -Because 'the test needs several links on one page'
        $all.Count | Should -BeLessThan 100 -Because 'the test needs them on one page'
        # The emulator's own counter: GET /public/keys/rate-limit does not spend from it.
        $before = (Get-KlinkyRateLimit -Refresh).Remaining
        $rest = @(Get-KlinkyLink -Skip 1)
        $after = (Get-KlinkyRateLimit -Refresh).Remaining
        $rest.Id | Should -Be @($all | Select-Object -Skip 1 -ExpandProperty Id)
        ($before - $after) | Should -Be 1
    }

    It 'reports 404 as Klinky.LinkNotFound and goes on with the next id' {
        $known = Get-KlinkyLink -Slug 'pr-42-home'
        $found = Get-KlinkyLink -Id '00000000-0000-0000-0000-000000000000', $known.Id -ErrorVariable problems -ErrorAction SilentlyContinue
        $found.Id | Should -Be $known.Id
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'Klinky.LinkNotFound,*'
        $problems[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'shows a table that fits 120 columns' {
        $lines = Get-KlinkyLink -Slug 'pr-42-*' | Format-Table | Out-String -Width 120 -Stream | Where-Object { $_.Trim() }
        $lines[0] | Should -Match 'Slug\s+Name\s+Active\s+Variants'
        ($lines -join "`n") | Should -Match 'control:50 variant_b:50 ' -Because 'two variants fit their column untruncated'
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual 120 }
    }
}

Describe 'Tab completion' {
    It 'completes -Slug from links already seen, without a request' {
        Get-KlinkyLink -Slug 'pr-42-*' | Out-Null
        $before = (Get-KlinkyConnection).RequestsSent
        $line = 'Get-KlinkyLink -Slug pr-42-'
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $completions | Should -Contain 'pr-42-home'
        $completions | Should -Contain 'pr-42-cart'
        $completions | Should -Not -Contain 'pr-43-home'
        (Get-KlinkyConnection).RequestsSent | Should -Be $before
    }

    It 'completes -Id from links already seen' {
        $link = Get-KlinkyLink -Slug 'pr-43-home'
        $line = "Remove-KlinkyLink -Id $($link.Id.Substring(0, 8))"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain $link.Id
    }
}

Describe 'Set-KlinkyLink and Set-KlinkyVariant' {
    BeforeAll { $link = New-TestLink 'set-me' }

    It 'updates only the given fields' {
        $updated = Set-KlinkyLink -Id $link.Id -Name 'Renamed' -Active $false -PassThru
        $updated.Name | Should -Be 'Renamed'
        $updated.IsActive | Should -BeFalse
        $updated.Variants.Count | Should -Be 2
    }

    It 'updates auto-winner, threshold and conversion redirect' {
        Set-KlinkyLink -Id $link.Id -AutoWinner $true -AutoWinnerThreshold 25 -ConversionRedirectUrl 'https://a.example/done'
        $stored = (Invoke-KlinkyApi $emulator -Path "public/links/$($link.Id)").Body
        $stored.auto_winner | Should -BeTrue
        $stored.auto_winner_threshold | Should -Be 25
        $stored.conversion_redirect_url | Should -Be 'https://a.example/done'
        $stored.name | Should -Be 'Renamed'
    }

    It 'reports a server 422 naming the field' {
        Set-KlinkyLink -Id $link.Id -GeoRule @{ US = 'nope' } -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].ErrorDetails.Message | Should -Match 'geo_rules'
        $problems[0].ErrorDetails.Message | Should -Match "parameter 'GeoRule'"
        $problems[0].CategoryInfo.Category | Should -Be 'InvalidData'
    }

    It 're-weights by label' {
        $updated = Set-KlinkyVariant -Id $link.Id -Weight @{ control = 70; variant_b = 30 } -PassThru
        $updated.Variants.Weight | Should -Be @(70, 30)
    }

    It 'rejects weights that do not sum to 100, naming -Weight' {
        Set-KlinkyVariant -Id $link.Id -Weight @{ control = 10 } -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].ErrorDetails.Message | Should -Match "parameter 'Weight'"
    }

    It 'replaces the variants from the pipeline' {
        $updated = Get-KlinkyLink -Id $link.Id | Set-KlinkyVariant -Variant 'control:50=https://a.example/n variant_c:50=https://c.example/n' -PassThru
        $updated.Variants.Label | Should -Be @('control', 'variant_c')
    }

    It 'sends nothing with -WhatIf, not even the read -Weight needs' {
        $before = (Get-KlinkyConnection).RequestsSent
        Set-KlinkyVariant -Id $link.Id -Weight @{ control = 20; variant_c = 80 } -WhatIf
        Set-KlinkyLink -Id $link.Id -Name 'Never' -WhatIf
        (Get-KlinkyConnection).RequestsSent | Should -Be $before
        (Invoke-KlinkyApi $emulator -Path "public/links/$($link.Id)").Body.name | Should -Be 'Renamed'
    }
}

Describe 'Remove-KlinkyLink' {
    BeforeAll { 'old-1', 'old-2' | ForEach-Object { New-TestLink $_ | Out-Null } }

    It 'sends nothing with -WhatIf from the pipeline' {
        $before = (Get-KlinkyConnection).RequestsSent
        $links = Get-KlinkyLink -Slug 'old-*'
        $sent = (Get-KlinkyConnection).RequestsSent
        $links | Remove-KlinkyLink -WhatIf
        (Get-KlinkyConnection).RequestsSent | Should -Be $sent
        (Get-KlinkyLink -Slug 'old-*').Count | Should -Be 2
    }

    It 'removes with -Force from the pipeline' {
        Get-KlinkyLink -Slug 'old-*' | Remove-KlinkyLink -Force
        @(Get-KlinkyLink -Slug 'old-*').Count | Should -Be 0
    }
}

Describe 'Get-KlinkyRateLimit' {
    It 'tells the budget from the last answer without a request' {
        Get-KlinkyLink -First 1 | Out-Null
        $before = (Get-KlinkyConnection).RequestsSent
        $known = Get-KlinkyRateLimit
        (Get-KlinkyConnection).RequestsSent | Should -Be $before
        $known.Limit | Should -Be 1000
        # The emulator's rate-limit route does not count: asking it confirms what the last answer said.
        (Get-KlinkyRateLimit -Refresh).Remaining | Should -Be $known.Remaining
    }

    It 'shows times as times: ResetsAt in UTC and how long until then, never the raw epoch Reset' {
        $state = Get-KlinkyRateLimit -Refresh
        $list = $state | Format-List | Out-String
        $list | Should -Match "ResetsAt \(UTC\) : $($state.ResetsAt.UtcDateTime.ToString('yyyy-MM-dd HH:mm:ss'))"
        $list | Should -Match 'ResetsIn\s+: \d+ min \d+ s'
        $list | Should -Not -Match "(?m)^Reset\s*:|$($state.Reset)"
        ($state | Format-Table | Out-String) | Should -Not -Match "$($state.Reset)"
    }
}

Describe 'Secrets and logging' {
    It 'shows method, URL, status and time in -Verbose, rate-limit headers in -Debug, never the key' {
        $output = & { Get-KlinkyLink -First 1 -Verbose -Debug } *>&1 | Out-String
        $output | Should -Match 'GET http://127\.0\.0\.1:\d+/api/v1/public/links\?page=1&per_page=1 -> 200 in \d+ ms'
        $output | Should -Match 'X-RateLimit-Remaining: \d+'
        $output | Should -Not -Match ([regex]::Escape($emulator.ApiKey))
    }

    It 'reports a bad key as Klinky.AuthenticationFailed without showing it' {
        $badKey = 'klinky_live_' + ('x' * 32)
        Connect-Klinky -ApiKey (ConvertTo-SecureKey $badKey) -BaseUrl $emulator.BaseUrl -SkipVerify | Out-Null
        try {
            $output = Get-KlinkyLink -First 1 -Verbose -Debug -ErrorVariable problems -ErrorAction SilentlyContinue 4>&1 5>&1 | Out-String
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'Klinky.AuthenticationFailed,*'
            $problems[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
            ($output + ($problems | Out-String)) | Should -Not -Match $badKey
        }
        finally { Connect-Klinky -ApiKey (ConvertTo-SecureKey $emulator.ApiKey) -BaseUrl $emulator.BaseUrl | Out-Null }
    }

    It 'stops promptly on Ctrl+C (StopProcessing cancels the request)' {
        # A server that accepts the connection and never answers: the request is in flight once it is accepted (a wait on
        # that, not on a clock), and only cancelling it lets Stop() return before the client's own 30 s timeout would.
        # The connection is the inner runspace's own (Connect-Klinky), not the process environment's.
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start()
        $accepted = $null
        try {
            $ps = [powershell]::Create()
            $null = $ps.AddScript("Import-Module '$(Join-Path (Get-KlinkyTestModulePath) 'Klinky.psd1')'; Connect-Klinky -ApiKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -BaseUrl 'http://127.0.0.1:$($listener.LocalEndpoint.Port)/api/v1' -SkipVerify | Out-Null; Get-KlinkyLink -First 1")
            $handle = $ps.BeginInvoke()
            $accepting = $listener.AcceptTcpClientAsync()
            $accepting.Wait([TimeSpan]::FromMinutes(2)) | Should -BeTrue -Because 'the cmdlet sends its request'
            $accepted = $accepting.Result
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 20 -Because 'a request left running would hold Stop() until the 30 s timeout'
            $handle.IsCompleted | Should -BeTrue
        }
        finally { if ($accepted) { $accepted.Dispose() }; $listener.Stop(); $ps.Dispose() }
    }
}

Describe 'the shared budget in -Verbose' {
    It 'looks at the budget for free before a listing and says what it spent and what is left' {
        New-TestLink "budget-verbose-$([guid]::NewGuid().ToString('N').Substring(0, 8))" | Out-Null
        $before = (Get-KlinkyRateLimit -Refresh).Remaining
        $messages = @(Get-KlinkyLink -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $after = (Get-KlinkyRateLimit -Refresh).Remaining
        $messages | Should -Contain "Klinky: $before of 1000 requests left until $(($messages | Select-String -Pattern 'until (.*), before spending').Matches[0].Groups[1].Value), before spending"
        $messages[-1] | Should -Match "^Klinky: spent 1 Klinky request; $after of 1000 left until \d\d:\d\d(:\d\d)? UTC$"
        ($before - $after) | Should -Be 1 -Because 'the look before spending is free'
    }

    It 'says nothing about the budget for a command that spent nothing' {
        Get-KlinkyLink -First 1 | Out-Null
        $messages = @(Get-KlinkyRateLimit -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $messages | Where-Object { $_ -like 'Klinky: spent*' } | Should -BeNullOrEmpty
    }
}
