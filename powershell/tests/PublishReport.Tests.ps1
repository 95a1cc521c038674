# Publish-KlinkyReport under each platform's own CI variables, in a child pwsh so the variables are that process's
# alone: the platform is detected, -WhatIf shows the comment and sends nothing, and a missing or wrong token is named
# before any request. (Posting itself is run against the platforms' fakes by Klinky.Publishing.Tests.)
BeforeDiscovery {
    # The agent's temp folder, where the Azure summary file goes; removed after the run.
    $script:agentTemp = (New-Item -ItemType Directory -Path (Join-Path ([System.IO.Path]::GetTempPath()) "klinky-agent-$PID") -Force).FullName
    $script:platforms = @(
        @{ Platform = 'GitHub'; Token = 'GITHUB_TOKEN'; Environment = @{
                GITHUB_ACTIONS = 'true'; GITHUB_REPOSITORY = 'octo/shop'; GITHUB_EVENT_NAME = 'workflow_dispatch'
                GITHUB_SHA = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'; GITHUB_API_URL = 'http://127.0.0.1:9/api/v3' } }
        @{ Platform = 'Azure DevOps'; Token = 'SYSTEM_ACCESSTOKEN'; Environment = @{
                TF_BUILD = 'True'; SYSTEM_COLLECTIONURI = 'http://127.0.0.1:9/fabrikam/'; SYSTEM_TEAMPROJECT = 'Fabrikam'
                BUILD_REPOSITORY_NAME = 'web'; BUILD_REPOSITORY_ID = 'web'; SYSTEM_PULLREQUEST_PULLREQUESTID = '21'
                SYSTEM_PULLREQUEST_SOURCECOMMITID = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'; AGENT_TEMPDIRECTORY = $script:agentTemp } }
        @{ Platform = 'GitLab'; Token = 'KLINKY_GITLAB_TOKEN'; Environment = @{
                GITLAB_CI = 'true'; CI_SERVER_URL = 'http://127.0.0.1:9'; CI_API_V4_URL = 'http://127.0.0.1:9/api/v4'; CI_PROJECT_ID = '42'
                CI_PROJECT_PATH = 'shop/web'; CI_MERGE_REQUEST_IID = '5'; CI_MERGE_REQUEST_SOURCE_BRANCH_SHA = 'cccccccccccccccccccccccccccccccccccccccc' } }
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Join-Path (Get-KlinkyTestModulePath) 'Klinky.psd1'
    $emulator = Start-KlinkyEmulator -Plan unlimited -Profile full
    Invoke-KlinkyApi $emulator -Method POST -Path 'public/links' -Body @{
        name = 'Checkout'; slug = 'pr-21-checkout'
        variants = @(@{ label = 'control'; destination_url = 'https://a.example/c'; weight = 50 }, @{ label = 'preview'; destination_url = 'https://b.example/c'; weight = 50 })
    } | Out-Null

    # The child starts with none of the CI systems' markers of the machine running the tests.
    function Invoke-Publish([hashtable] $Environment, [string] $Arguments) {
        $variables = @{ CI = ''; GITHUB_ACTIONS = ''; TF_BUILD = ''; GITLAB_CI = ''; GITHUB_TOKEN = ''; SYSTEM_ACCESSTOKEN = ''; KLINKY_GITLAB_TOKEN = ''; CI_JOB_TOKEN = ''
            KLINKY_API_KEY = $emulator.ApiKey; KLINKY_BASE_URL = $emulator.BaseUrl }
        foreach ($name in $Environment.Keys) { $variables[$name] = $Environment[$name] }
        Invoke-ChildPwsh -Environment $variables -Command "`$ErrorActionPreference = 'Stop'; Import-Module '$manifest'; Get-KlinkyLink -Slug 'pr-21-checkout' | Get-KlinkyStats | Publish-KlinkyReport -CommentKey checkout -PullRequest 21 $Arguments"
    }
}

AfterAll {
    $emulator | Stop-KlinkyEmulator
    Remove-Item (Join-Path ([System.IO.Path]::GetTempPath()) "klinky-agent-$PID") -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Publish-KlinkyReport on <Platform>' -ForEach $platforms {
    It 'shows the comment with -WhatIf and sends nothing (there is nothing listening at the platform''s URL)' {
        $run = Invoke-Publish $Environment '-Status -WhatIf'
        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match '<!-- klinky-report:checkout -->'
        $run.Output | Should -Match 'pr-21-checkout'
    }

    It 'names <Token> when the token is missing, before any request' {
        $run = Invoke-Publish $Environment ''
        $run.ExitCode | Should -Not -Be 0
        $run.Output | Should -Match $Token
        $run.Output | Should -Not -Match 'No connection could be made|Connection refused'
    }
}

Describe 'Publish-KlinkyReport on GitLab with CI_JOB_TOKEN' {
    It 'says CI_JOB_TOKEN cannot write notes and never prints it' {
        $gitlab = ($platforms | Where-Object Platform -EQ 'GitLab').Environment.Clone()
        $gitlab.CI_JOB_TOKEN = 'job-token-0815'
        $gitlab.KLINKY_GITLAB_TOKEN = 'job-token-0815'
        $run = Invoke-Publish $gitlab ''
        $run.ExitCode | Should -Not -Be 0
        $run.Output | Should -Match 'CI_JOB_TOKEN, which cannot write merge request notes'
        $run.Output | Should -Not -Match 'job-token-0815'
    }
}
