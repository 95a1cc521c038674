<#
.SYNOPSIS
    The demo's PowerShell step: connect, create a link, list, show statistics, remove the link.
.EXAMPLE
    dotnet pwsh -NoProfile -File demo/powershell.ps1 -BaseUrl http://127.0.0.1:5080/api/v1 -ApiKey klinky_live_...
#>
[CmdletBinding()]
param(
    [string] $BaseUrl = $env:KLINKY_BASE_URL,
    [string] $ApiKey = $env:KLINKY_API_KEY,
    [string] $ModulePath = (Join-Path $PSScriptRoot '../artifacts/powershell/Klinky'),
    [string] $Slug = "demo-ps-$(Get-Date -Format 'HHmmss')"
)

$ErrorActionPreference = 'Stop'
if (-not $BaseUrl -or -not $ApiKey) { throw 'Give -BaseUrl and -ApiKey (or set KLINKY_BASE_URL and KLINKY_API_KEY).' }
Import-Module (Join-Path $ModulePath 'Klinky.psd1') -Force
Connect-Klinky -ApiKey (ConvertTo-SecureString $ApiKey -AsPlainText -Force) -BaseUrl $BaseUrl | Out-Null

Write-Host "`n--- New-KlinkyLink $Slug"
New-KlinkyLink -Name 'PowerShell demo' -Slug $Slug -ConversionTracking -Variant 'control:50=https://example.com/a variant_b:50=https://example.com/b' |
    Format-Table | Out-String -Width 120 | Write-Host

Write-Host '--- Get-KlinkyLink -First 10'
Get-KlinkyLink -First 10 | Format-Table | Out-String -Width 120 | Write-Host

Write-Host "--- Get-KlinkyLink -Slug 'checkout-*' | Get-KlinkyStats   (the build's preview link, after the simulated visitors)"
Get-KlinkyLink -Slug 'checkout-*' | Get-KlinkyStats | Format-Table | Out-String -Width 120 | Write-Host

Write-Host "--- Get-KlinkyLink -Slug $Slug | Remove-KlinkyLink -Force"
Get-KlinkyLink -Slug $Slug | Remove-KlinkyLink -Force
Write-Host "removed; Get-KlinkyLink -Slug $Slug now finds $(@(Get-KlinkyLink -Slug $Slug -ErrorAction SilentlyContinue).Count) link(s)"

Write-Host "--- Get-KlinkyRateLimit: $(Get-KlinkyRateLimit)"
