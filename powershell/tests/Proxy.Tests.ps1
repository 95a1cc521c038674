BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-KlinkyTestModulePath) 'Klinky.psd1') -Force
    $emulator = Start-KlinkyEmulator -Plan scale
    $key = ConvertTo-SecureKey $emulator.ApiKey
    $proxyPassword = 'pr0xy-pa55-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    function Get-ProxyCredential([string] $Password) {
        [pscredential]::new('alice', (ConvertTo-SecureString $Password -AsPlainText -Force))
    }
    function Stop-Proxy($Proxy) { if ($Proxy) { $Proxy.DisposeAsync().AsTask().Wait() } }
}

AfterAll {
    Disconnect-Klinky
    $emulator | Stop-KlinkyEmulator
}

Describe 'Connect-Klinky -Proxy' {
    It 'sends every request of the session through the proxy' {
        $proxy = Start-LocalForwardProxy
        try {
            Connect-Klinky -ApiKey $key -BaseUrl $emulator.BaseUrl -Proxy $proxy.Uri | Out-Null
            Get-KlinkyLink -First 1 | Out-Null
            Get-KlinkyLink -First 1 | Out-Null
            $sent = (Get-KlinkyConnection).RequestsSent
            $sent | Should -Be 2 -Because "two reads (Connect-Klinky's check is free and not counted)"
            $proxy.ForwardedTo($emulator.RootUrl) | Should -Be ($sent + 1) -Because "the check went through the proxy too"
        }
        finally { Stop-Proxy $proxy }
    }

    It 'authenticates with -ProxyCredential to a proxy that demands it' {
        $proxy = Start-LocalForwardProxy -User alice -Password $proxyPassword
        try {
            Connect-Klinky -ApiKey $key -BaseUrl $emulator.BaseUrl -Proxy $proxy.Uri -ProxyCredential (Get-ProxyCredential $proxyPassword) | Out-Null
            Get-KlinkyLink -First 1 | Out-Null
            $proxy.ForwardedTo($emulator.RootUrl) | Should -Be 2 -Because "Connect-Klinky's check and the read" 
        }
        finally { Stop-Proxy $proxy }
    }

    It 'fails with Klinky.ProxyAuthenticationRequired naming the proxy when it has no credentials, sending once' {
        $proxy = Start-LocalForwardProxy -User alice -Password $proxyPassword
        try {
            # Connect-Klinky's own check meets the proxy first.
            $problems = @(try { Connect-Klinky -ApiKey $key -BaseUrl $emulator.BaseUrl -Proxy $proxy.Uri | Out-Null } catch { $_ })
            $problems.Count | Should -Be 1
            $problems[0].FullyQualifiedErrorId | Should -BeLike 'Klinky.ProxyAuthenticationRequired,*'
            $problems[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
            $problems[0].ToString() | Should -BeLike "*$($proxy.Uri)*"
            $problems[0].ErrorDetails.RecommendedAction | Should -BeLike '*-ProxyCredential*'
            $proxy.Rejected | Should -Be 1
            $proxy.Forwarded.Count | Should -Be 0
        }
        finally { Stop-Proxy $proxy }
    }

    It 'never shows the proxy password or the API key when the proxy refuses the credentials' {
        $proxy = Start-LocalForwardProxy -User alice -Password 'the-right-one'
        try {
            Connect-Klinky -ApiKey $key -BaseUrl $emulator.BaseUrl -Proxy $proxy.Uri -ProxyCredential (Get-ProxyCredential $proxyPassword) -SkipVerify | Out-Null
            $output = & { Get-KlinkyLink -First 1 -Verbose -Debug -ErrorAction Continue } *>&1 | Out-String
            $output += try { Connect-Klinky -ApiKey $key -BaseUrl $emulator.BaseUrl -Proxy $proxy.Uri -ProxyCredential (Get-ProxyCredential $proxyPassword) -Verbose -Debug *>&1 | Out-String } catch { $_ | Format-List * -Force | Out-String }
            $output | Should -BeLike "*$($proxy.Uri)*refused the credentials*"
            $output | Should -Not -BeLike "*$proxyPassword*"
            $output | Should -Not -BeLike "*$($emulator.ApiKey)*"
            (Get-KlinkyConnection | Format-List * | Out-String) | Should -Not -BeLike "*$proxyPassword*"
        }
        finally { Stop-Proxy $proxy }
    }

    It 'rejects -ProxyCredential without -Proxy, and credentials inside -Proxy without echoing them' {
        { Connect-Klinky -ApiKey $key -ProxyCredential (Get-ProxyCredential 'x') -ErrorAction Stop } | Should -Throw -ErrorId 'Klinky.InvalidArgument,*'
        $thrown = { Connect-Klinky -ApiKey $key -Proxy "http://alice:$proxyPassword@127.0.0.1:3128" -ErrorAction Stop } | Should -Throw -ErrorId 'Klinky.InvalidArgument,*' -PassThru
        $thrown.Exception.Message | Should -BeLike '*-ProxyCredential*'
        $thrown.ToString() + $thrown.TargetObject | Should -Not -BeLike "*$proxyPassword*"
    }
}

Describe 'HTTP_PROXY and NO_PROXY without -Proxy' {
    AfterEach { Remove-Item env:HTTP_PROXY, env:NO_PROXY -ErrorAction SilentlyContinue }

    It 'sends through the proxy HTTP_PROXY names, with the credentials in its address' {
        $proxy = Start-LocalForwardProxy -User alice -Password $proxyPassword
        try {
            $env:HTTP_PROXY = "http://alice:$proxyPassword@127.0.0.1:$($proxy.Uri.Port)"
            Connect-Klinky -ApiKey $key -BaseUrl $emulator.BaseUrl | Out-Null
            Get-KlinkyLink -First 1 | Out-Null
            $proxy.ForwardedTo($emulator.RootUrl) | Should -Be 2 -Because "Connect-Klinky's check and the read" 
        }
        finally { Stop-Proxy $proxy }
    }

    It 'sends directly to a host NO_PROXY lists' {
        $proxy = Start-LocalForwardProxy
        try {
            $env:HTTP_PROXY = $proxy.Uri.ToString()
            $env:NO_PROXY = 'localhost,127.0.0.1'
            Connect-Klinky -ApiKey $key -BaseUrl $emulator.BaseUrl | Out-Null
            Get-KlinkyLink -First 1 | Out-Null
            (Get-KlinkyConnection).RequestsSent | Should -Be 1 -Because "the read (Connect-Klinky's check is free and not counted)" 
            $proxy.Forwarded.Count | Should -Be 0
        }
        finally { Stop-Proxy $proxy }
    }
}
