BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $emulator = Start-KlinkyEmulator
}

AfterAll { $emulator | Stop-KlinkyEmulator }

Describe 'Installing as a user would' {
    It 'publishes to a local folder repository, installs with Install-Module, imports by name and calls the API' {
        $home_ = Join-Path $TestDrive 'home'
        $feed = Join-Path $TestDrive 'feed'
        New-Item -ItemType Directory -Path $home_, $feed | Out-Null
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
        $child = Invoke-ChildPwsh -Command $script -Environment @{
            HOME            = $home_
            XDG_CONFIG_HOME = Join-Path $home_ '.config'
            XDG_DATA_HOME   = Join-Path $home_ '.local/share'
            XDG_CACHE_HOME  = Join-Path $home_ '.cache'
            PSModulePath    = ''
            KLINKY_API_KEY  = $emulator.ApiKey
            KLINKY_BASE_URL = $emulator.BaseUrl
        }
        $child.ExitCode | Should -Be 0 -Because $child.Output
        $child.Output | Should -Match "installed=$([regex]::Escape($home_))"
        $child.Output | Should -Match 'slug=installed'
        Get-ChildItem $feed -Filter 'klinky.*.nupkg' | Should -Not -BeNullOrEmpty
    }
}
