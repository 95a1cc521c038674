<#
.SYNOPSIS
    Assembles the importable, publishable Klinky module folder from the build output.
.DESCRIPTION
    Expects `dotnet build` of the solution to have run (build.sh does it). Lays out <OutputRoot>/Klinky/:
      Klinky.psd1 (version stamped from the build's $(Version)), Klinky.dll, Klinky.Format.ps1xml and Klinky.List.Format.ps1xml,
      Dependencies/ (Klinky.Core, Flurl, ... loaded in their own AssemblyLoadContext on PowerShell 7),
      en-US/Klinky.dll-Help.xml (generated from powershell/help/*.psd1) and en-US/about_Klinky.help.txt.
.EXAMPLE
    ./powershell/build/Build-Module.ps1 -Configuration Release -OutputRoot artifacts/powershell
#>
[CmdletBinding()]
param(
    [string] $Configuration = 'Release',
    [Parameter(Mandatory)] [string] $OutputRoot
)

$ErrorActionPreference = 'Stop'
$OutputRoot = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine((Get-Location).ProviderPath, $OutputRoot))
$repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$source = Join-Path $repo 'powershell'
$moduleBin = Join-Path $repo "src/Klinky.PowerShell/bin/$Configuration/netstandard2.0"
$isolationBin = Join-Path $repo "src/Klinky.PowerShell.Isolation/bin/$Configuration/net8.0"
foreach ($folder in $moduleBin, $isolationBin) {
    if (-not (Test-Path (Join-Path $folder '*.dll'))) {
        throw "No build output in ${folder}: run 'dotnet build Klinky.Integrations.sln -c $Configuration' first."
    }
}

# The version is defined once, in Directory.Build.props; the build stamped it into the DLL's informational version.
$dll = Join-Path $moduleBin 'Klinky.dll'
$informational = [System.Diagnostics.FileVersionInfo]::GetVersionInfo($dll).ProductVersion
$version = ($informational -split '[+-]')[0]
$prerelease = if ($informational -match '^[^+]*?-([0-9A-Za-z.-]+)') { $Matches[1] -replace '[^0-9A-Za-z]', '' } else { '' }

$module = Join-Path $OutputRoot 'Klinky'
if (Test-Path $module) { Remove-Item $module -Recurse -Force }
$dependencies = New-Item -ItemType Directory -Path (Join-Path $module 'Dependencies') -Force
New-Item -ItemType Directory -Path (Join-Path $module 'en-US') -Force | Out-Null

Copy-Item $dll, (Join-Path $moduleBin 'Klinky.pdb') $module
# Everything else the cmdlets need (Klinky.Core, Flurl, their polyfills) goes apart, so that PowerShell's own probing
# of the module folder never finds it and the isolation context is the only way in.
Get-ChildItem $moduleBin -Filter '*.dll' | Where-Object Name -NE 'Klinky.dll' | Copy-Item -Destination $dependencies
Copy-Item (Join-Path $isolationBin 'Klinky.PowerShell.Isolation.dll') $dependencies
Copy-Item (Join-Path $source 'Klinky.Format.ps1xml'), (Join-Path $source 'Klinky.List.Format.ps1xml') $module
Copy-Item (Join-Path $source 'en-US/about_Klinky.help.txt') (Join-Path $module 'en-US')
Copy-Item (Join-Path $repo 'LICENSE') $module

$manifest = Get-Content -Raw (Join-Path $source 'Klinky.psd1')
$manifest = $manifest -replace "ModuleVersion(\s*)= '0\.0\.0'", "ModuleVersion`$1= '$version'"
if ($prerelease) {
    $manifest = $manifest -replace "(ReleaseNotes\s*=)", "Prerelease   = '$prerelease'`n            `$1"
}
Set-Content -Path (Join-Path $module 'Klinky.psd1') -Value $manifest -Encoding utf8

& (Join-Path $PSScriptRoot 'New-MamlHelp.ps1') -HelpSource (Join-Path $source 'help') -OutputPath (Join-Path $module 'en-US/Klinky.dll-Help.xml')

Write-Host "Klinky $version$(if ($prerelease) { "-$prerelease" }) -> $module"
