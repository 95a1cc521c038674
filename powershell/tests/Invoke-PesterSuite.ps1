<#
.SYNOPSIS
    Runs the Klinky module's Pester tests against the assembled module; writes "PASSED FAILED" to -CountsFile.
.DESCRIPTION
    Restores Pester 6.2.0 from NuGet itself (a throwaway project with a PackageDownload, restored into
    artifacts/pester/packages), imports tools/Pester.psd1 from the package, runs powershell/tests/*.Tests.ps1
    and exits non-zero when a test failed.
.EXAMPLE
    dotnet pwsh -NoProfile -File powershell/tests/Invoke-PesterSuite.ps1 -ModulePath artifacts/powershell/Klinky -CountsFile artifacts/test-results/pester-counts.txt -ResultsDirectory artifacts/test-results/pester
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $CountsFile,
    [Parameter(Mandatory)] [string] $ResultsDirectory,
    # Runs only the test files whose name matches (e.g. 'Links'); all by default.
    [string] $Filter = '*'
)

$ErrorActionPreference = 'Stop'
$PesterVersion = '6.2.0'
$repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$cwd = (Get-Location).ProviderPath
$ModulePath = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($cwd, $ModulePath))
$CountsFile = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($cwd, $CountsFile))
$ResultsDirectory = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($cwd, $ResultsDirectory))

function Restore-Pester {
    $root = Join-Path $repo 'artifacts/pester'
    $packages = Join-Path $root 'packages'
    $manifest = Join-Path $packages "pester/$PesterVersion/tools/Pester.psd1"
    if (Test-Path $manifest) { return $manifest }

    $project = Join-Path $root 'restore'
    New-Item -ItemType Directory -Path $project -Force | Out-Null
    # Empty Directory.*.props stop MSBuild from importing the repository's (central versions, analyzers).
    Set-Content (Join-Path $project 'Directory.Build.props') '<Project />'
    Set-Content (Join-Path $project 'Directory.Packages.props') '<Project />'
    Set-Content (Join-Path $project 'PesterRestore.csproj') @"
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <RestorePackagesPath>$packages</RestorePackagesPath>
    <NuGetAudit>false</NuGetAudit>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="Pester" Version="[$PesterVersion]" />
  </ItemGroup>
</Project>
"@
    & dotnet restore (Join-Path $project 'PesterRestore.csproj') -nologo | Out-Host
    if ($LASTEXITCODE -ne 0 -or -not (Test-Path $manifest)) { throw "Could not restore Pester $PesterVersion from NuGet." }
    $manifest
}

$passed = 0
$failed = 1
try {
    Import-Module (Restore-Pester) -Force
    New-Item -ItemType Directory -Path $ResultsDirectory -Force | Out-Null
    $env:KLINKY_TEST_MODULE = $ModulePath

    $configuration = New-PesterConfiguration
    $configuration.Run.Path = @(Get-ChildItem $PSScriptRoot -Filter "$Filter.Tests.ps1" | ForEach-Object FullName)
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = 'Detailed'
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputFormat = 'NUnitXml'
    $configuration.TestResult.OutputPath = Join-Path $ResultsDirectory 'pester-results.xml'
    $result = Invoke-Pester -Configuration $configuration
    $passed = $result.PassedCount
    # A failing BeforeAll/AfterAll fails its container without failing a test: count it.
    $failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
}
finally {
    New-Item -ItemType Directory -Path (Split-Path $CountsFile) -Force | Out-Null
    Set-Content -Path $CountsFile -Value "$passed $failed"
    Write-Host "tests: $passed passed, $failed failed"
}
if ($failed -ne 0 -or $passed -eq 0) { exit 1 }
