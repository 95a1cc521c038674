# Shared by the Pester tests: starts a real Klinky emulator process and finds the module under test.

$script:RepositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

function Get-KlinkyTestModulePath {
    if ($env:KLINKY_TEST_MODULE) { return $env:KLINKY_TEST_MODULE }
    Join-Path $script:RepositoryRoot 'artifacts/powershell/Klinky'
}

# One test case per exported cmdlet (from the built manifest), for -ForEach in BeforeDiscovery.
function Get-KlinkyCmdletCases {
    $manifest = Import-PowerShellDataFile (Join-Path (Get-KlinkyTestModulePath) 'Klinky.psd1')
    $manifest.CmdletsToExport | ForEach-Object { @{ Name = $_ } }
}

function Get-KlinkyEmulatorDll {
    $candidates = @(
        $env:KLINKY_EMULATOR_DLL
        Join-Path $script:RepositoryRoot 'artifacts/emulator/Klinky.Emulator.dll'
        Join-Path $script:RepositoryRoot 'src/Klinky.Emulator/bin/Release/net10.0/Klinky.Emulator.dll'
        Join-Path $script:RepositoryRoot 'src/Klinky.Emulator/bin/Debug/net10.0/Klinky.Emulator.dll'
    )
    $found = $candidates | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
    if (-not $found) { throw 'Klinky.Emulator.dll not found: run ./build.sh, or set KLINKY_EMULATOR_DLL.' }
    $found
}

function Start-KlinkyEmulator {
    <#
    .SYNOPSIS
        Starts `dotnet Klinky.Emulator.dll --urls http://127.0.0.1:0 ...` and waits for its listening line.
    .OUTPUTS
        An object with BaseUrl (…/api/v1), RootUrl, ApiKey and Process; pass it to Stop-KlinkyEmulator in AfterAll.
    #>
    param(
        [ValidateSet('growth', 'scale', 'unlimited')] [string] $Plan = 'unlimited',
        [ValidateSet('full', 'documented')] [string] $Profile = 'full',
        [string] $ApiKey = ('klinky_live_' + [guid]::NewGuid().ToString('N')),
        # Faults on /api/v1 answers, as the emulator's --chaos takes them (e.g. 'rate-limit-burst=1').
        [string] $Chaos
    )
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in (Get-KlinkyEmulatorDll), '--urls', 'http://127.0.0.1:0', '--api-key', $ApiKey, '--plan', $Plan, '--profile', $Profile, '--in-memory') {
        $start.ArgumentList.Add($argument)
    }
    if ($Chaos) { $start.ArgumentList.Add('--chaos'); $start.ArgumentList.Add($Chaos) }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.Environment['DOTNET_NOLOGO'] = '1'
    $process = [System.Diagnostics.Process]::Start($start)
    # Reading line by line on this thread until the listening line; afterwards the rest is drained asynchronously
    # so a chatty emulator never blocks on a full pipe.
    $seen = [System.Text.StringBuilder]::new()
    $deadline = [DateTime]::UtcNow.AddMinutes(2)
    $rootUrl = $null
    while (-not $rootUrl -and [DateTime]::UtcNow -lt $deadline) {
        $read = $process.StandardOutput.ReadLineAsync()
        if (-not $read.Wait(($deadline - [DateTime]::UtcNow))) { break }
        $line = $read.Result
        if ($null -eq $line) { break }
        [void]$seen.AppendLine($line)
        if ($line -match 'Klinky emulator listening on (http://127\.0\.0\.1:\d+)') { $rootUrl = $Matches[1] }
    }
    if (-not $rootUrl) {
        if (-not $process.HasExited) { $process.Kill($true) }
        throw "The emulator did not start: $seen $($process.StandardError.ReadToEnd())"
    }
    $null = $process.StandardOutput.BaseStream.CopyToAsync([System.IO.Stream]::Null)
    $null = $process.StandardError.BaseStream.CopyToAsync([System.IO.Stream]::Null)
    [pscustomobject]@{
        RootUrl = $rootUrl
        BaseUrl = "$rootUrl/api/v1"
        ApiKey  = $ApiKey
        Process = $process
    }
}

function Invoke-TestProcess {
    <#
    .SYNOPSIS
        Runs a program to its end with variables of its own on top of this process's (which stay untouched) and returns
        ExitCode and Output (standard output, then standard error). One that outlives -Timeout is killed with what it
        started, and that is a failure.
    #>
    param(
        [Parameter(Mandatory)] [string] $FilePath,
        [string[]] $ArgumentList = @(),
        [hashtable] $Environment = @{},
        [string] $WorkingDirectory = [System.IO.Path]::GetTempPath(),
        [TimeSpan] $Timeout = [TimeSpan]::FromMinutes(10)
    )
    $start = [System.Diagnostics.ProcessStartInfo]::new($FilePath)
    foreach ($argument in $ArgumentList) { $start.ArgumentList.Add($argument) }
    $start.UseShellExecute = $false
    $start.WorkingDirectory = $WorkingDirectory
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    foreach ($name in $Environment.Keys) { $start.Environment[$name] = [string]$Environment[$name] }
    $process = [System.Diagnostics.Process]::Start($start)
    try {
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        if (-not $process.WaitForExit([int]$Timeout.TotalMilliseconds)) {
            $process.Kill($true)
            throw "$FilePath did not finish within $($Timeout.TotalMinutes) min (killed)"
        }
        $process.WaitForExit()
        [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.Result + $stderr.Result }
    }
    finally { $process.Dispose() }
}

function Invoke-ChildPwsh {
    <# Runs a script in a fresh pwsh (the same PowerShell as this one) and returns its output as text. #>
    param([Parameter(Mandatory)] [string] $Command, [hashtable] $Environment = @{}, [string] $WorkingDirectory = [System.IO.Path]::GetTempPath())
    $variables = @{ NO_COLOR = '1' }
    foreach ($name in $Environment.Keys) { $variables[$name] = $Environment[$name] }
    Invoke-TestProcess -FilePath 'dotnet' -ArgumentList (Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-Command', $Command -Environment $variables -WorkingDirectory $WorkingDirectory
}

function Invoke-KlinkyInRunspace {
    <#
    .SYNOPSIS
        Runs a script with the module imported and connected to an emulator in a fresh runspace of this process, and
        returns what its streams saw: Output, Progress (ProgressRecords, which no redirection operator captures) and Errors.
    #>
    param([Parameter(Mandatory)] $Emulator, [Parameter(Mandatory)] [string] $Script)
    $ps = [powershell]::Create()
    try {
        $null = $ps.AddScript("Import-Module '$(Join-Path (Get-KlinkyTestModulePath) 'Klinky.psd1')'").AddStatement()
        # -SkipVerify: what the script sends is all the runspace sees (Connect-Klinky's check is Connection.Tests.ps1's).
        $null = $ps.AddCommand('Connect-Klinky').AddParameter('ApiKey', (ConvertTo-SecureKey $Emulator.ApiKey)).AddParameter('BaseUrl', $Emulator.BaseUrl).AddParameter('SkipVerify').AddCommand('Out-Null').AddStatement()
        $null = $ps.AddScript($Script)
        $output = $ps.Invoke()
        [pscustomobject]@{ Output = @($output); Progress = @($ps.Streams.Progress); Errors = @($ps.Streams.Error) }
    }
    finally { $ps.Dispose() }
}

function Stop-KlinkyEmulator {
    param([Parameter(ValueFromPipeline)] $Emulator)
    process {
        if ($Emulator -and -not $Emulator.Process.HasExited) {
            $Emulator.Process.Kill($true)
            [void]$Emulator.Process.WaitForExit(10000)
        }
    }
}

function ConvertTo-SecureKey([string] $Key) { ConvertTo-SecureString $Key -AsPlainText -Force }

function Invoke-KlinkyApi {
    <# A raw call to the emulator, bypassing the module: to check its state or spend its budget. #>
    param($Emulator, [string] $Method = 'GET', [string] $Path, $Body, [string] $ApiKey = $Emulator.ApiKey)
    $arguments = @{ Method = $Method; Uri = "$($Emulator.BaseUrl)/$Path"; Headers = @{ 'X-API-Key' = $ApiKey }; SkipHttpErrorCheck = $true; StatusCodeVariable = 'status' }
    if ($null -ne $Body) { $arguments.Body = ($Body | ConvertTo-Json -Depth 5); $arguments.ContentType = 'application/json' }
    $result = Invoke-RestMethod @arguments
    [pscustomobject]@{ Status = $status; Body = $result }
}

function Invoke-KlinkyVisit {
    <# One visitor following a short link (no cookie: a new visitor each time). Returns the redirect's Location. #>
    param($Emulator, [string] $Slug)
    if (-not $script:VisitClient) {
        $handler = [System.Net.Http.HttpClientHandler]@{ AllowAutoRedirect = $false; UseCookies = $false }
        $script:VisitClient = [System.Net.Http.HttpClient]::new($handler)
        $script:VisitClient.DefaultRequestHeaders.UserAgent.ParseAdd('Mozilla/5.0 (X11; Linux x86_64) KlinkyTests/1.0')
    }
    $response = $script:VisitClient.GetAsync("$($Emulator.RootUrl)/$Slug").GetAwaiter().GetResult()
    try { [string]$response.Headers.Location }
    finally { $response.Dispose() }
}

function Start-LocalForwardProxy {
    <#
    .SYNOPSIS
        Starts Klinky.Testing's LocalForwardProxy (the one the xunit tests use) on 127.0.0.1: it forwards http://
        requests and counts them; with -User/-Password it answers 407 to any request without those Basic credentials.
        Dispose it in AfterAll/finally ($proxy.DisposeAsync().AsTask().Wait()).
    #>
    param([string] $User, [string] $Password)
    $dll = @(
        $env:KLINKY_TESTING_DLL
        Join-Path $script:RepositoryRoot 'tests/Klinky.Testing/bin/Release/net10.0/Klinky.Testing.dll'
        Join-Path $script:RepositoryRoot 'tests/Klinky.Testing/bin/Debug/net10.0/Klinky.Testing.dll'
    ) | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
    if (-not $dll) { throw 'Klinky.Testing.dll not found: run ./build.sh (it builds the tests), or set KLINKY_TESTING_DLL.' }
    Add-Type -Path $dll
    if ($User) { [Klinky.Testing.LocalForwardProxy]::RequireCredentials($User, $Password) } else { [Klinky.Testing.LocalForwardProxy]::Start() }
}

Export-ModuleMember -Function Get-KlinkyCmdletCases, Invoke-TestProcess, Invoke-ChildPwsh, Invoke-KlinkyInRunspace, Get-KlinkyTestModulePath, Get-KlinkyEmulatorDll, Start-KlinkyEmulator, Stop-KlinkyEmulator, ConvertTo-SecureKey, Invoke-KlinkyApi, Invoke-KlinkyVisit, Start-LocalForwardProxy
