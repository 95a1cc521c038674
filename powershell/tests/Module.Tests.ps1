BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:cmdlets = Get-KlinkyCmdletCases
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $modulePath = Get-KlinkyTestModulePath
    Import-Module (Join-Path $modulePath 'Klinky.psd1') -Force
}

Describe 'The module manifest' {
    It 'passes Test-ModuleManifest' {
        $info = Test-ModuleManifest (Join-Path $modulePath 'Klinky.psd1') -ErrorAction Stop
        $info.Name | Should -Be 'Klinky'
        $info.Version | Should -BeGreaterThan ([version]'0.0.0')
    }

    It 'declares editions, minimum versions, tags, URIs and release notes' {
        $data = Import-PowerShellDataFile (Join-Path $modulePath 'Klinky.psd1')
        $data.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $data.PowerShellVersion | Should -Be '5.1'
        $data.DotNetFrameworkVersion | Should -Be '4.7.2'
        $data.PrivateData.PSData.Tags | Should -Contain 'Klinky'
        $data.PrivateData.PSData.ProjectUri | Should -Match '^https://'
        $data.PrivateData.PSData.LicenseUri | Should -Match '^https://'
        $data.PrivateData.PSData.ReleaseNotes | Should -Not -BeNullOrEmpty
    }

    It 'stamps the version the build gave the DLL' {
        $data = Import-PowerShellDataFile (Join-Path $modulePath 'Klinky.psd1')
        $product = [System.Diagnostics.FileVersionInfo]::GetVersionInfo((Join-Path $modulePath 'Klinky.dll')).ProductVersion
        $product | Should -BeLike "$($data.ModuleVersion)*"
    }

    It 'exports exactly the cmdlets it lists' {
        $exported = (Get-Module Klinky).ExportedCmdlets.Keys | Sort-Object
        $listed = (Import-PowerShellDataFile (Join-Path $modulePath 'Klinky.psd1')).CmdletsToExport | Sort-Object
        $exported | Should -Be $listed
    }

    It 'keeps Klinky.Core and Flurl out of the module root (they load from Dependencies/)' {
        Test-Path (Join-Path $modulePath 'Klinky.Core.dll') | Should -BeFalse
        Test-Path (Join-Path $modulePath 'Dependencies/Klinky.Core.dll') | Should -BeTrue
        Test-Path (Join-Path $modulePath 'Dependencies/Flurl.Http.dll') | Should -BeTrue
    }
}

Describe 'Help of <Name>' -ForEach $cmdlets {
    BeforeAll {
        $help = Get-Help $Name -Full
        $command = Get-Command $Name
    }

    It 'has a synopsis and a description' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "*$Name*[<CommonParameters>]*"
        ($help.Description.Text -join '') | Should -Not -BeNullOrEmpty
    }

    It 'describes every parameter' {
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        foreach ($parameter in $command.Parameters.Keys | Where-Object { $common -notcontains $_ }) {
            $described = $help.Parameters.Parameter | Where-Object Name -EQ $parameter
            ($described.Description.Text -join '') | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name needs a description"
        }
    }

    It 'has at least one example that calls it' {
        @($help.Examples.Example).Count | Should -BeGreaterThan 0
        ($help.Examples.Example.Code -join "`n") | Should -Match ([regex]::Escape($Name))
    }
}

Describe 'about_Klinky' {
    It 'is found by Get-Help' {
        (Get-Help about_Klinky | Out-String) | Should -Match 'Klinky.RateLimited'
    }
}
