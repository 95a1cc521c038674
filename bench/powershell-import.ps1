<#
.SYNOPSIS
    Cost of `Import-Module Klinky` plus the first Get-KlinkyLink over a bare `pwsh -NoProfile`, median of N runs each,
    measured side by side (alternating) in one run against a local emulator. The budget is 400 ms.
.EXAMPLE
    dotnet pwsh -NoProfile -File bench/powershell-import.ps1
#>
[CmdletBinding()]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../artifacts/powershell/Klinky'),
    [int] $Runs = 10,
    [int] $BudgetMilliseconds = 400
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../powershell/tests/TestHelpers.psm1') -Force
$manifest = (Resolve-Path (Join-Path $ModulePath 'Klinky.psd1')).Path
$pwshDll = Join-Path $PSHOME 'pwsh.dll'
$emulator = Start-KlinkyEmulator

function Measure-Pwsh([string] $Command, [hashtable] $Environment) {
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in $pwshDll, '-NoProfile', '-NonInteractive', '-Command', $Command) { $start.ArgumentList.Add($argument) }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    foreach ($name in $Environment.Keys) { $start.Environment[$name] = $Environment[$name] }
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    $process = [System.Diagnostics.Process]::Start($start)
    $null = $process.StandardOutput.ReadToEnd()
    $process.WaitForExit()
    $watch.Stop()
    if ($process.ExitCode -ne 0) { throw "pwsh -Command '$Command' failed ($($process.ExitCode))" }
    $watch.Elapsed.TotalMilliseconds
}

function Get-Median([double[]] $values) {
    $sorted = $values | Sort-Object
    if ($sorted.Count % 2) { $sorted[[int][math]::Floor($sorted.Count / 2)] } else { ($sorted[$sorted.Count / 2 - 1] + $sorted[$sorted.Count / 2]) / 2 }
}

try {
    $environment = @{ KLINKY_API_KEY = $emulator.ApiKey; KLINKY_BASE_URL = $emulator.BaseUrl }
    $klinkyCommand = "Import-Module '$manifest'; Get-KlinkyLink -First 1 | Out-Null"
    # One warm-up of each so the first measured run does not pay for a cold disk cache.
    $null = Measure-Pwsh '$null' $environment
    $null = Measure-Pwsh $klinkyCommand $environment
    $bare = [System.Collections.Generic.List[double]]::new()
    $klinky = [System.Collections.Generic.List[double]]::new()
    for ($i = 0; $i -lt $Runs; $i++) {
        $bare.Add((Measure-Pwsh '$null' $environment))
        $klinky.Add((Measure-Pwsh $klinkyCommand $environment))
    }
    $bareMedian = Get-Median $bare
    $klinkyMedian = Get-Median $klinky
    $difference = $klinkyMedian - $bareMedian
    '{0,-48} {1,8:N0} ms' -f "pwsh -NoProfile -Command '`$null' (median of $Runs)", $bareMedian
    '{0,-48} {1,8:N0} ms' -f "Import-Module Klinky; Get-KlinkyLink -First 1", $klinkyMedian
    '{0,-48} {1,8:N0} ms  (budget {2} ms: {3})' -f 'difference', $difference, $BudgetMilliseconds, $(if ($difference -le $BudgetMilliseconds) { 'within' } else { 'OVER' })
}
finally { $emulator | Stop-KlinkyEmulator }
