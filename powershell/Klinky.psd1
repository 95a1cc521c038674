# Source manifest of the Klinky module. powershell/build/Build-Module.ps1 stamps ModuleVersion (and Prerelease) from the
# build's version, which MinVer takes from the git tag (Directory.Build.props): no version is written here.
@{
    RootModule             = 'Klinky.dll'
    ModuleVersion          = '0.0.0'
    GUID                   = '5d0c8f7e-3b4a-4f1e-9a53-2f6c1b7d9e41'
    Author                 = 'Klinky Integrations'
    CompanyName            = 'Klinky Integrations'
    Copyright              = '(c) 2026 Klinky Integrations. MIT licence.'
    Description            = 'Manage and report Klinky A/B-testing smart links from PowerShell: typed objects, the pipeline, -WhatIf, tab completion and help.'
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('Klinky.Format.ps1xml', 'Klinky.List.Format.ps1xml')   # tables first: they are the default views
    CmdletsToExport        = @(
        'Connect-Klinky'
        'Disconnect-Klinky'
        'Get-KlinkyConnection'
        'New-KlinkyLink'
        'New-KlinkyVariant'
        'Get-KlinkyLink'
        'Set-KlinkyLink'
        'Set-KlinkyVariant'
        'Remove-KlinkyLink'
        'Get-KlinkyClick'
        'Get-KlinkyStats'
        'Set-KlinkyWinner'
        'Get-KlinkyRateLimit'
        'ConvertTo-KlinkyMarkdown'
    )
    HelpInfoURI            = 'https://github.com/klinky/action/blob/main/docs/powershell.md'
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('Klinky', 'ABTesting', 'SmartLinks', 'Links', 'Analytics', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/klinky/action'
            LicenseUri   = 'https://github.com/klinky/action/blob/main/LICENSE'
            IconUri      = 'https://raw.githubusercontent.com/klinky/action/main/assets/icon.png'
            ReleaseNotes = 'https://github.com/klinky/action/blob/main/CHANGELOG.md'
        }
    }
}
