@{
    Synopsis    = 'Posts the Klinky report on the pull request (GitHub), pull request thread (Azure DevOps) or merge request note (GitLab) the pipeline runs for, and optionally the verdict as a status.'
    Description = 'Collects Get-KlinkyStats output from the pipeline, renders the report with Klinky.Core''s renderer, finds the platform from the CI environment (GITHUB_ACTIONS, TF_BUILD, GITLAB_CI) and keeps ONE report per comment key there: created the first time, updated in place afterwards, recognised by its hidden marker and by its author (a marker in someone else''s comment is ignored). With -Status it also sets klinky/<CommentKey>: pending while collecting data, success unless a variant is significantly worse than control, failure when one is. On Azure Pipelines the report also goes to the run''s summary tab. -WhatIf writes the comment and touches nothing. Sends no Klinky request.'
    Parameters  = @{
        InputObject = 'Rows of Get-KlinkyStats or Klinky.Stats.LinkStats objects. With none, -Mode Delete removes the report.'
        CommentKey  = 'Identifies this report among several on one pull request (the action''s comment-key). Default: default.'
        Mode        = 'Update (edit in place; the default), Recreate (post anew at the bottom), Delete (as Update, and remove the report when there is nothing to report), Hide (GitHub: collapse the previous report; elsewhere as Recreate) or Off (no comment; -Status still applies).'
        Status      = 'Also set the klinky/<CommentKey> status on the pull request''s head commit (Azure DevOps: on the pull request). Require it in branch protection or a branch policy to gate merges.'
        Platform    = 'GitHub, AzureDevOps or GitLab, when the environment does not say (a run outside CI).'
        PullRequest = 'The pull request number (GitHub), pull request id (Azure DevOps) or merge request iid (GitLab), when the run is not for one.'
        Repository  = 'owner/name (GitHub), the repository name or id (Azure DevOps), the project id or path (GitLab).'
        Project     = 'The Azure DevOps project (else SYSTEM_TEAMPROJECT).'
        ApiUrl      = 'GitHub''s REST URL, the Azure DevOps organization URL, or GitLab''s /api/v4 URL (else from the CI environment).'
        HeadCommit  = 'The pull request''s head commit, for the status (else from the CI environment).'
        Token       = 'The token to write with; else GITHUB_TOKEN, SYSTEM_ACCESSTOKEN or KLINKY_GITLAB_TOKEN. Never written to output or errors.'
        Title       = 'The report''s heading.'
    }
    Examples    = @(
        @{ Title = 'Azure Pipelines'; Code = "Get-KlinkyLink -Slug ""pr-`$(System.PullRequest.PullRequestId)-*"" | Get-KlinkyStats | Publish-KlinkyReport -Status"; Remarks = 'With SYSTEM_ACCESSTOKEN: $(System.AccessToken) in the step''s env.' }
        @{ Title = 'Preview without posting'; Code = "Get-KlinkyLink -Slug 'pr-42-*' | Get-KlinkyStats | Publish-KlinkyReport -WhatIf"; Remarks = 'Writes the comment''s Markdown; reads and writes nothing on the platform.' }
    )
    Inputs      = @('Klinky.PowerShell.Stats.KlinkyVariantStats', 'Klinky.Stats.LinkStats')
}
