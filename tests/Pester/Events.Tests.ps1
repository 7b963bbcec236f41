# Events through the built module: polling that reports each change once across calls, the table
# view, and the webhook cmdlets' round trip with -WhatIf that sends nothing.
BeforeAll {
    Import-Module $env:JIRACONNECTOR_MODULE -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Connect-EmulatorCloud
    Connect-EmulatorDataCenter
    function Get-EmulatorRequest([string] $Url) { @(Invoke-RestMethod "$Url/__emulator/requests") }
    function Clear-EmulatorRequest([string] $Url) { Invoke-RestMethod -Method Delete "$Url/__emulator/requests" }
}

AfterAll {
    Get-JiraInstance | Disconnect-JiraInstance -Confirm:$false
}

Describe 'Get-JiraEvent on <Instance>' -ForEach @(@{ Instance = 'cloud' }, @{ Instance = 'dc' }) {
    It 'reports a creation and a later change once each across two polls, shown in a table' {
        $a = New-JiraObject incidents -Instance $Instance -Fields @{ project = 'WEB'; issuetype = 'Task'; summary = 'Pester event A' }
        $first = @(Get-JiraEvent -Instance $Instance -Since ([datetime]::UtcNow.AddMinutes(-2)) | Where-Object ObjectId -eq $a.Key)
        Set-JiraObject incidents $a.Key -Instance $Instance -Fields @{ summary = 'Pester event A changed' }
        $second = @(Get-JiraEvent -Instance $Instance | Where-Object ObjectId -eq $a.Key)

        $first.EventType | Should -Be 'CREATED'
        $second.EventType | Should -Be 'UPDATED'
        $second[0].PSObject.TypeNames[0] | Should -Be 'JiraConnector.JiraEvent'
        $second[0].Raw.fields.summary | Should -Be 'Pester event A changed'
        $second | Format-Table | Out-String | Should -Match "EventType\s+ObjectType\s+ObjectId[\s\S]+UPDATED\s+incidents\s+$($a.Key)"
        @(Get-JiraEvent -Instance $Instance | Where-Object ObjectId -eq $a.Key).Count | Should -Be 0
        # Other files count the seeded incidents.
        Remove-JiraObject incidents $a.Key -Instance $Instance -Confirm:$false
    }
}

Describe 'Webhooks on Data Center (admin API)' {
    It 'registers, lists and unregisters, and -WhatIf sends nothing' {
        $hook = Register-JiraWebhook https://hooks.example.com/pester jira:issue_updated -Jql 'project = OPS' -Instance dc
        $hook.Kind | Should -Be 'Admin'
        (Get-JiraWebhook $hook.Id -Instance dc).Url | Should -Be 'https://hooks.example.com/pester'

        Clear-EmulatorRequest $env:JIRA_EMULATOR_DC_URL
        Register-JiraWebhook https://hooks.example.com/nothing jira:issue_created -Instance dc -WhatIf
        Unregister-JiraWebhook $hook.Id -Instance dc -WhatIf
        @(Get-EmulatorRequest $env:JIRA_EMULATOR_DC_URL | Where-Object path -like '*webhook*').Count | Should -Be 0

        # Piped, the webhook goes back to its own instance (dc), not the default one (cloud).
        Get-JiraWebhook $hook.Id -Instance dc | Unregister-JiraWebhook -Confirm:$false
        { Get-JiraWebhook $hook.Id -Instance dc -ErrorAction Stop } | Should -Throw -ErrorId 'WebhookNotFound,JiraConnector.Cmdlets.GetJiraWebhookCommand'
    }
}
