# Get-Help tells the truth: SYNTAX is what Get-Command shows, every parameter has a default value, and about_Klinky's
# rules are Klinky.Core's (read from its LinkRules and probed through New-KlinkyLink -WhatIf, which sends nothing).
BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:cmdlets = Get-KlinkyCmdletCases
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $modulePath = Get-KlinkyTestModulePath
    Import-Module (Join-Path $modulePath 'Klinky.psd1') -Force

    function Get-SyntaxLines([string] $text) {
        @($text -split "`r?`n" | ForEach-Object { ($_ -replace '\s+', ' ').Trim() } | Where-Object { $_ } | Sort-Object)
    }
}

Describe 'Help SYNTAX of <Name>' -ForEach $cmdlets {
    It 'is exactly what Get-Command -Syntax shows, risk-mitigation and common parameters included' {
        $help = Get-SyntaxLines ((Get-Help $Name).Syntax | Out-String -Width 4096)
        $command = Get-SyntaxLines (Get-Command $Name -Syntax | Out-String -Width 4096)

        $help | Should -Be $command
        if ((Get-Command $Name).Parameters.ContainsKey('WhatIf')) {
            $help | ForEach-Object { $_ | Should -Match '\[-WhatIf\] \[-Confirm\] \[<CommonParameters>\]$' }
        }
    }

    It 'fills Default value for every parameter, -WhatIf and -Confirm included' {
        $command = Get-Command $Name
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters
        foreach ($parameter in $command.Parameters.Keys | Where-Object { $common -notcontains $_ -and $_ -ne 'UseTransaction' }) {
            $described = (Get-Help $Name).Parameters.Parameter | Where-Object Name -EQ $parameter
            $described | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name is documented"
            [string]$described.DefaultValue | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name has a default value field"
        }
    }

    It 'gives a parameter whose text names a default that default as its Default value' {
        foreach ($parameter in (Get-Help $Name).Parameters.Parameter) {
            $text = $parameter.Description.Text -join ' '
            if ($text -match '\bdefault (\d+)\b') {
                [string]$parameter.DefaultValue | Should -Be $Matches[1] -Because "-$($parameter.Name) of $Name says 'default $($Matches[1])'"
            }
            elseif ($text -match '(\w+) \(default\)') {
                [string]$parameter.DefaultValue | Should -Be $Matches[1] -Because "-$($parameter.Name) of $Name says '$($Matches[1]) (default)'"
            }
            elseif ($text -match '\bDefaults to\b') {
                [string]$parameter.DefaultValue | Should -Not -Be 'None' -Because "-$($parameter.Name) of $Name says what it defaults to"
            }
        }
    }
}

Describe 'about_Klinky and the rules Klinky.Core enforces' {
    BeforeAll {
        # LinkRules' constants, read in a fresh pwsh so that this session's module keeps its own load context.
        $core = Join-Path $modulePath 'Dependencies/Klinky.Core.dll'
        $read = Invoke-ChildPwsh -Command "Add-Type -Path '$core'; `$h = [ordered]@{}; [Klinky.Links.LinkRules].GetFields() | ForEach-Object { `$h[`$_.Name] = `$_.GetValue(`$null) }; `$h | ConvertTo-Json -Compress"
        $read.ExitCode | Should -Be 0 -Because $read.Output
        $rules = $read.Output | ConvertFrom-Json
        $about = Get-Content (Join-Path $modulePath 'en-US/about_Klinky.help.txt') -Raw
        $rulesSection = ($about -split 'RULES OF LINKS AND VARIANTS')[1] -split "`n\s*`n" | Select-Object -First 1

        function Get-Rule([string] $pattern) {
            $match = [regex]::Match($rulesSection, $pattern)
            $match.Success | Should -BeTrue -Because "about_Klinky's rules state /$pattern/"
            $match
        }
        function Test-Variants([int] $count) {
            $variants = (1..$count | ForEach-Object { "v$($_):$(if ($_ -eq 1) { 100 } else { 0 })=https://a.example/$_" }) -join ' '
            $null = New-KlinkyLink -Name 'rules probe' -Variant $variants -WhatIf -ErrorVariable failed -ErrorAction SilentlyContinue 6>$null
            $failed.Count -eq 0
        }
    }

    It 'states the name, slug, label and URL lengths of LinkRules' {
        (Get-Rule 'name\s+(\d+)-(\d+) characters').Groups[2].Value | Should -Be $rules.NameMaxLength
        $slug = Get-Rule 'slug\s+[^\n]*?(\d+)-(\d+) letters'
        "$($slug.Groups[1].Value)-$($slug.Groups[2].Value)" | Should -Be "$($rules.SlugMinLength)-$($rules.SlugMaxLength)"
        (Get-Rule 'labels unique, 1-(\d+) characters').Groups[1].Value | Should -Be $rules.LabelMaxLength
        (Get-Rule 'at most (\d+) characters').Groups[1].Value | Should -Be $rules.UrlMaxLength
    }

    It 'states the variant count LinkRules allows, everywhere it gives one' {
        $rule = Get-Rule 'variants\s+[^;]*'
        $ranges = @([regex]::Matches($rule.Value, '\d+-\d+') | ForEach-Object Value)
        $ranges | Should -Be @("$($rules.MinVariants)-$($rules.MaxVariants)") -Because "the variants rule says '$($rule.Value)'"
        foreach ($claim in [regex]::Matches($about, '(\d+) (?:to|-) (\d+) (?:weighted )?(?:destination )?variants|variants\s+(\d+)-(\d+)')) {
            $numbers = @($claim.Groups | Select-Object -Skip 1 | Where-Object Success | ForEach-Object Value)
            ($numbers -join '-') | Should -Be "$($rules.MinVariants)-$($rules.MaxVariants)" -Because "about_Klinky says '$($claim.Value)'"
        }
    }

    It 'states the weights and the threshold of LinkRules, with its default' {
        (Get-Rule 'weights 0-(\d+) summing to exactly (\d+)').Groups[2].Value | Should -Be $rules.WeightTotal
        $threshold = Get-Rule 'AutoWinnerThreshold at least (\d+) \(default (\d+)\)'
        $threshold.Groups[1].Value | Should -Be $rules.MinAutoWinnerThreshold
        $threshold.Groups[2].Value | Should -Be $rules.DefaultAutoWinnerThreshold
        (Get-Help New-KlinkyLink -Parameter AutoWinnerThreshold).DefaultValue | Should -Be $rules.DefaultAutoWinnerThreshold
    }

    It 'matches what New-KlinkyLink accepts: the fewest and the most variants, and no more' {
        Test-Variants $rules.MinVariants | Should -BeTrue
        Test-Variants $rules.MaxVariants | Should -BeTrue
        Test-Variants ($rules.MaxVariants + 1) | Should -BeFalse
    }

    It 'lists exactly the cmdlets the module exports' {
        $listed = ([regex]::Matches(($about -split 'THE CMDLETS')[1].Split("`n`n")[0], '\b[A-Z][A-Za-z]+-Klinky\w*') | ForEach-Object Value | Sort-Object)
        $listed | Should -Be ((Get-Module Klinky).ExportedCmdlets.Keys | Sort-Object)
    }
}

Describe 'docs/powershell.md on <Name>' -ForEach $cmdlets {
    BeforeAll {
        $manual = Get-Content (Join-Path $PSScriptRoot '../../docs/powershell.md') -Raw
    }

    It 'has a "## <Name>" section (the HelpUri anchor) whose syntax is what Get-Command -Syntax shows' {
        $section = [regex]::Match($manual, "(?ms)^## $([regex]::Escape($Name))\r?\n(.*?)(?=^## |\z)")
        $section.Success | Should -BeTrue -Because "docs/powershell.md#$($Name.ToLowerInvariant()) is where its help points"
        $syntax = [regex]::Match($section.Groups[1].Value, '(?ms)^```text\r?\n(.*?)^```')
        $syntax.Success | Should -BeTrue -Because "the section of $Name shows its syntax"
        Get-SyntaxLines $syntax.Groups[1].Value | Should -Be (Get-SyntaxLines (Get-Command $Name -Syntax | Out-String -Width 4096))
    }
}

Describe 'docs/powershell.md, generated from the help' {
    BeforeAll {
        $manualPath = Join-Path $PSScriptRoot '../../docs/powershell.md'
        $manual = (Get-Content $manualPath -Raw).Replace("`r`n", "`n")
    }

    It 'carries exactly the cmdlet reference New-CmdletReference.ps1 renders from Get-Help, so the two cannot drift' {
        # In a child pwsh: the generator imports and removes the module, which this session keeps using.
        $rendered = Join-Path $TestDrive 'reference.md'
        $generator = Join-Path $PSScriptRoot '../build/New-CmdletReference.ps1'
        $child = Invoke-ChildPwsh -Command "& '$generator' -ModulePath '$modulePath' -PassThru | Set-Content -NoNewline -Path '$rendered'"
        $child.ExitCode | Should -Be 0 -Because $child.Output
        $generated = (Get-Content $rendered -Raw).Replace("`r`n", "`n")
        $generated | Should -Match '## Set-KlinkyWinner'
        $manual.Contains($generated) | Should -BeTrue -Because 'docs/powershell.md is regenerated with ./powershell/build/New-CmdletReference.ps1 -ModulePath artifacts/powershell/Klinky after a change to powershell/help'
    }

    It 'gives each cmdlet''s HelpUri a section with its parameters and examples, not a pointer back to Get-Help' {
        foreach ($command in Get-Command -Module Klinky -CommandType Cmdlet) {
            $command.HelpUri | Should -Be "https://github.com/klinky/action/blob/main/docs/powershell.md#$($command.Name.ToLowerInvariant())"
            $section = [regex]::Match($manual, "(?ms)^## $([regex]::Escape($command.Name))\n(.*?)(?=^## |^<!-- end of the generated)").Groups[1].Value
            $section | Should -Not -Match 'Get-Help \S+ -Full' -Because "$($command.Name)'s section is the help, not a pointer to it"
            $section | Should -Match '\*\*Example 1: '
            foreach ($parameter in $command.Parameters.Keys | Where-Object { [System.Management.Automation.PSCmdlet]::CommonParameters -notcontains $_ -and [System.Management.Automation.PSCmdlet]::OptionalCommonParameters -notcontains $_ }) {
                $section | Should -Match "(?m)^- ``-$parameter``" -Because "$($command.Name)'s section describes -$parameter"
            }
        }
    }

    It 'has a complete install box in the README: the pinned pwsh is restored before "dotnet pwsh" runs it' {
        $readme = (Get-Content (Join-Path $PSScriptRoot '../../README.md') -Raw).Replace("`r`n", "`n")
        $box = [regex]::Match($readme, '(?ms)^<!-- sample: install -->\n```bash\n(.*?)^```').Groups[1].Value
        $box | Should -Match '(?m)^dotnet tool restore\b'
        $readme.IndexOf('dotnet tool restore') | Should -BeLessThan $readme.IndexOf('dotnet pwsh')
    }

    It 'names the package file as a prerelease build writes it, never a bare release name' {
        # Install.Tests.ps1 checks that Publish-PSResource writes exactly this shape.
        $manual | Should -Match 'Klinky\.\d+\.\d+\.\d+-alpha\d+\.nupkg'
        $manual | Should -Not -Match 'Klinky\.\d+\.\d+\.\d+\.nupkg'
    }
}
