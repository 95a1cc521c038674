<#
.SYNOPSIS
    Builds demo/msbuild/CheckoutPreview.csproj, as a user has it, with the packed Klinky.Build against a started emulator,
    and checks that the build created the preview link. CI runs it on Windows with Visual Studio's msbuild and with
    dotnet build; it runs the same way on Linux (dotnet).
.EXAMPLE
    pwsh .ci/sample-build.ps1 -Builder msbuild
#>
[CmdletBinding()]
param(
    [ValidateSet('dotnet', 'msbuild')] [string] $Builder = 'dotnet'
)

$ErrorActionPreference = 'Stop'
$repo = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
$packages = Join-Path $repo 'artifacts/packages'
$emulatorDll = Join-Path $repo 'artifacts/emulator/Klinky.Emulator.dll'
if (-not (Test-Path (Join-Path $packages 'Klinky.Build.*.nupkg')) -or -not (Test-Path $emulatorDll)) {
    throw 'No packed Klinky.Build or published emulator under artifacts/: run the build first.'
}

$work = Join-Path ([System.IO.Path]::GetTempPath()) ("klinky-sample-" + [guid]::NewGuid().ToString('N').Substring(0, 8))
New-Item -ItemType Directory -Path $work | Out-Null
# Outside the repository, so its build settings do not apply: the project exactly as a user has it.
Copy-Item (Join-Path $repo 'demo/msbuild/CheckoutPreview.csproj'), (Join-Path $repo 'demo/msbuild/Program.cs'), (Join-Path $repo 'global.json') $work
Set-Content (Join-Path $work 'nuget.config') "<configuration><packageSources><clear /><add key=`"klinky-local`" value=`"$packages`" /></packageSources></configuration>"
$env:NUGET_PACKAGES = Join-Path $work '.packages'
$env:MSBUILDDISABLENODEREUSE = '1'

$key = 'klinky_live_' + [guid]::NewGuid().ToString('N')
$log = Join-Path $work 'emulator.log'
$emulator = Start-Process dotnet -ArgumentList $emulatorDll, '--urls', 'http://127.0.0.1:0', '--api-key', $key, '--plan', 'scale', '--in-memory' `
    -RedirectStandardOutput $log -RedirectStandardError (Join-Path $work 'emulator.err') -PassThru -NoNewWindow
try {
    $baseUrl = $null
    foreach ($attempt in 1..100) {
        $line = Get-Content $log -ErrorAction SilentlyContinue | Select-String -Pattern 'listening on (http://127\.0\.0\.1:\d+)' | Select-Object -First 1
        if ($line) { $baseUrl = $line.Matches[0].Groups[1].Value + '/api/v1'; break }
        Start-Sleep -Milliseconds 200
    }
    if (-not $baseUrl) { throw "The emulator did not start: $(Get-Content $log -Raw)" }

    $env:KLINKY_API_KEY = $key
    $manifest = Join-Path $work 'klinky-links.json'
    # By default the links are made after Publish; the sample builds, so it asks for them after Build, and loudly.
    $properties = @('-p:KlinkyRunAfterTargets=Build', '-p:KlinkyFailOnError=true', "-p:KlinkyBaseUrl=$baseUrl", '-p:KlinkyPullRequestNumber=7', '-p:PreviewBaseUrl=https://pr7.preview.example.com', "-p:KlinkyManifestPath=$manifest")
    $project = Join-Path $work 'CheckoutPreview.csproj'
    if ($Builder -eq 'msbuild') {
        & msbuild $project -restore -t:Build -p:Configuration=Release -nodeReuse:false -nologo @properties
    } else {
        & dotnet build $project -c Release -nodeReuse:false -nologo @properties
    }
    if ($LASTEXITCODE -ne 0) { throw "$Builder failed with exit code $LASTEXITCODE" }

    if (-not (Test-Path $manifest)) { throw "$Builder wrote no link manifest" }
    $slug = ((Get-Content $manifest -Raw | ConvertFrom-Json).links | Select-Object -First 1).slug
    if (-not $slug) { throw "the manifest names no link: $(Get-Content $manifest -Raw)" }
    $found = Invoke-RestMethod -Uri "$baseUrl/public/links?slug=$slug" -Headers @{ 'X-API-Key' = $key }
    if (-not ($found.items | Where-Object slug -EQ $slug)) { throw "the emulator has no link '$slug'" }
    "sample built with ${Builder}: preview link $slug created"
}
finally {
    Stop-Process -Id $emulator.Id -Force -ErrorAction SilentlyContinue
    Remove-Item Env:KLINKY_API_KEY -ErrorAction SilentlyContinue
    Start-Sleep -Milliseconds 500
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}
