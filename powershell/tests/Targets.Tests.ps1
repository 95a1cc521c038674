# -Slug wherever a link is named, and errors that say which was given. Request counts are the emulator's own (its free
# GET /public/keys/rate-limit), so they count what reached the server, not what the module thinks it sent.
BeforeDiscovery {
    # Every cmdlet that names a link, with what else it needs to run (nothing that prompts).
    $script:naming = @(
        @{ Name = 'Get-KlinkyLink'; Extra = @{} }
        @{ Name = 'Get-KlinkyStats'; Extra = @{} }
        @{ Name = 'Get-KlinkyClick'; Extra = @{} }
        @{ Name = 'Set-KlinkyLink'; Extra = @{ Name = 'Renamed' } }
        @{ Name = 'Set-KlinkyVariant'; Extra = @{ Weight = @{ control = 50 } } }
        @{ Name = 'Set-KlinkyWinner'; Extra = @{ Label = 'variant_b'; Force = $true } }
        @{ Name = 'Remove-KlinkyLink'; Extra = @{ Force = $true } }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path (Get-KlinkyTestModulePath) 'Klinky.psd1') -Force
    $emulator = Start-KlinkyEmulator -Plan scale
    Connect-Klinky -ApiKey (ConvertTo-SecureKey $emulator.ApiKey) -BaseUrl $emulator.BaseUrl | Out-Null
    function Get-Remaining { (Invoke-KlinkyApi $emulator -Path 'public/keys/rate-limit').Body.remaining }
    # Made through the raw API, so this session has never seen it: finding it by slug costs the lookup.
    function New-UnseenLink([string] $Slug) {
        $variants = @(@{ label = 'control'; destination_url = "https://a.example/$Slug"; weight = 50 }, @{ label = 'variant_b'; destination_url = "https://b.example/$Slug"; weight = 50 })
        (Invoke-KlinkyApi $emulator -Method POST -Path 'public/links' -Body @{ name = "Target $Slug"; slug = $Slug; variants = $variants }).Body
    }
}

AfterAll {
    Disconnect-Klinky
    $emulator | Stop-KlinkyEmulator
}

Describe '<Name> -Slug' -ForEach $naming {
    It 'takes the link by slug, wildcards allowed, and refuses a slug given to -Id before any request' {
        $parameter = (Get-Command $Name).Parameters['Slug']
        $parameter | Should -Not -BeNullOrEmpty
        $parameter.Attributes.Where({ $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }) | Should -Not -BeNullOrEmpty

        $before = Get-Remaining
        & $Name -Id 'pr-42-checkout' @Extra -ErrorVariable problems -ErrorAction SilentlyContinue | Out-Null
        (Get-Remaining) | Should -Be $before
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'Klinky.InvalidArgument,*'
        $problems[0].Exception.Message | Should -BeLike "*parameter 'Id': 'pr-42-checkout' is not a link id*use -Slug 'pr-42-checkout'*"
    }
}

Describe 'Finding links by slug' {
    It 'every cmdlet with -Id also has -Slug' {
        $withId = Get-Command -Module Klinky | Where-Object { $_.Parameters.ContainsKey('Id') }
        $withId.Name | Should -Contain 'Get-KlinkyStats'
        $withId | Where-Object { -not $_.Parameters.ContainsKey('Slug') } | Should -BeNullOrEmpty
    }

    It 'Get-KlinkyStats -Slug costs two requests for a link this session has not seen: the lookup and the stats' {
        $link = New-UnseenLink 'unseen-stats'
        $before = Get-Remaining
        $rows = Get-KlinkyStats -Slug 'unseen-stats'
        ($before - (Get-Remaining)) | Should -Be 2
        $rows.LinkId | Should -Be @($link.id, $link.id)
        $rows[0].Slug | Should -Be 'unseen-stats'
    }

    It 'then costs one request (the stats): a slug never changes, so the link this session holds names its id' {
        $before = Get-Remaining
        (Get-KlinkyStats -Slug 'unseen-stats').Count | Should -Be 2
        ($before - (Get-Remaining)) | Should -Be 1
    }

    It 'a wildcard lists once (narrowed by the search filter), then one request per matching link' {
        'wild-a', 'wild-b' | ForEach-Object { New-UnseenLink $_ | Out-Null }
        New-UnseenLink 'other-wild' | Out-Null
        $before = Get-Remaining
        $output = & { Get-KlinkyStats -Slug 'wild-*' -Verbose } 4>&1
        ($before - (Get-Remaining)) | Should -Be 3
        @($output | Where-Object { $_ -is [Klinky.PowerShell.Stats.KlinkyVariantStats] }).Slug | Sort-Object -Unique | Should -Be @('wild-a', 'wild-b')
        ($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Out-String) | Should -Match 'public/links\?page=1&per_page=100&search=wild-'
    }

    It 'Get-KlinkyClick, Set-KlinkyLink, Set-KlinkyVariant and Remove-KlinkyLink act on the link the slug names' {
        $link = New-UnseenLink 'by-slug'
        Invoke-KlinkyVisit $emulator 'by-slug' | Out-Null
        @(Get-KlinkyClick -Slug 'by-slug').Count | Should -Be 1
        (Set-KlinkyLink -Slug 'by-slug' -Name 'Renamed by slug' -PassThru).Id | Should -Be $link.id
        (Set-KlinkyVariant -Slug 'by-slug' -Weight @{ control = 70; variant_b = 30 } -PassThru).Variants.Weight | Should -Be @(70, 30)
        Remove-KlinkyLink -Slug 'by-slu*' -Force
        (Invoke-KlinkyApi $emulator -Path "public/links/$($link.id)").Status | Should -Be 404
    }

    It 'says which slug no link has, by name, without a stats request' {
        $before = Get-Remaining
        Get-KlinkyStats -Slug 'no-such-slug' -ErrorVariable problems -ErrorAction SilentlyContinue
        ($before - (Get-Remaining)) | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'Klinky.LinkNotFound,*'
        $problems[0].Exception.Message | Should -Be "No Klinky link has the slug 'no-such-slug'."
    }

    It 'says which id no link has, by name, and points at -Slug' {
        Get-KlinkyStats -Id '00000000-0000-0000-0000-000000000000' -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'Klinky.LinkNotFound,*'
        $problems[0].ErrorDetails.Message | Should -Be "No Klinky link has the id '00000000-0000-0000-0000-000000000000' (it may have been removed)."
        $problems[0].ErrorDetails.RecommendedAction | Should -Match '-Slug'
    }
}
