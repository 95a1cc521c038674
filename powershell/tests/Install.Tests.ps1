BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $emulator = Start-KlinkyEmulator
}

AfterAll { $emulator | Stop-KlinkyEmulator }

Describe 'Installing as a user would' {
    It 'publishes to a local folder repository, installs with Install-Module, imports by name and calls the API' {
        $home_ = Join-Path $TestDrive 'home'
        $feed = Join-Path $TestDrive 'feed'
        # .NET resolves the per-user data and config folders to '' when they do not exist, and the PowerShellGet stores
        # then land in the working directory: make them, so every registration stays inside this HOME.
        New-Item -ItemType Directory -Path $feed, (Join-Path $home_ '.local/share'), (Join-Path $home_ '.config'), (Join-Path $home_ '.cache') | Out-Null
        $script = @"
`$ErrorActionPreference = 'Stop'
`$ProgressPreference = 'SilentlyContinue'
Register-PSResourceRepository -Name KlinkyLocal -Uri '$feed' -Trusted
Publish-PSResource -Path '$(Get-KlinkyTestModulePath)' -Repository KlinkyLocal
Register-PSRepository -Name KlinkyLocalV2 -SourceLocation '$feed' -PublishLocation '$feed' -InstallationPolicy Trusted
Install-Module Klinky -Repository KlinkyLocalV2 -Scope CurrentUser -Force
Import-Module Klinky
"installed=`$((Get-Module Klinky).ModuleBase)"
New-KlinkyLink -Name 'Installed' -Slug 'installed' -Variant 'control:100=https://a.example' | Out-Null
"slug=`$((Get-KlinkyLink -Slug installed).Slug)"
"@
        $child = Invoke-ChildPwsh -WorkingDirectory $TestDrive -Command $script -Environment @{
            HOME            = $home_
            PSModulePath    = ''
            KLINKY_API_KEY  = $emulator.ApiKey
            KLINKY_BASE_URL = $emulator.BaseUrl
        }
        $child.ExitCode | Should -Be 0 -Because $child.Output
        $child.Output | Should -Match "installed=$([regex]::Escape($home_))"
        $child.Output | Should -Match 'slug=installed'
        $package = Get-ChildItem $feed -Filter '*.nupkg'
        $manifest = Import-PowerShellDataFile (Join-Path (Get-KlinkyTestModulePath) 'Klinky.psd1')
        $suffix = if ($manifest.PrivateData.PSData.Prerelease) { '-' + $manifest.PrivateData.PSData.Prerelease } else { '' }
        $package.Name | Should -Be "Klinky.$($manifest.ModuleVersion)$suffix.nupkg"
        # docs/powershell.md names it by the same shape (Help.Tests.ps1 checks the manual's side).
        if ($suffix) { $package.Name | Should -Match '^Klinky\.\d+\.\d+\.\d+-alpha\d+\.nupkg$' }
        # The registrations went to the isolated HOME, not to the user's own stores or the working directory.
        Get-ChildItem $home_ -Recurse -Force -Filter 'PSResourceRepository.xml' | Should -Not -BeNullOrEmpty
        Get-ChildItem $home_ -Recurse -Force -Filter 'NuGet.Config' | Should -Not -BeNullOrEmpty
    }
}
