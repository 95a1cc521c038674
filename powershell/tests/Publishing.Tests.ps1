# What the PowerShell Gallery and Get-Help -Online show of the module: one public name, an icon, online help per cmdlet.
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:cmdlets = Get-KlinkyCmdletCases
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $modulePath = Get-KlinkyTestModulePath
    Import-Module (Join-Path $modulePath 'Klinky.psd1') -Force
    $data = Import-PowerShellDataFile (Join-Path $modulePath 'Klinky.psd1')
    $docs = 'https://github.com/klinky/action/blob/main/docs/powershell.md'
}

Describe 'The published module' {
    It 'names the one public repository, its icon and its online help' {
        $data.PrivateData.PSData.ProjectUri | Should -Be 'https://github.com/klinky/action'
        $data.PrivateData.PSData.LicenseUri | Should -Be 'https://github.com/klinky/action/blob/main/LICENSE'
        $data.PrivateData.PSData.IconUri | Should -Be 'https://raw.githubusercontent.com/klinky/action/main/assets/icon.png'
        Test-Path (Join-Path $PSScriptRoot '../../assets/icon.png') | Should -BeTrue
        $data.HelpInfoURI | Should -Be $docs
    }

    It '<Name> has a HelpUri to its own section of docs/powershell.md' -ForEach $cmdlets {
        (Get-Command $Name -Module Klinky).HelpUri | Should -Be "$docs#$($Name.ToLowerInvariant())"
    }
}
