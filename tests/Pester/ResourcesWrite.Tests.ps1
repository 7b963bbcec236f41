# Create, read, update and delete through the built module, and -WhatIf that sends nothing.
BeforeAll {
    Import-Module $env:JIRACONNECTOR_MODULE -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Connect-EmulatorCloud
    Connect-EmulatorDataCenter
    function Get-EmulatorRequest([string] $Instance) {
        $url = $(if ($Instance -eq 'cloud') { $env:JIRA_EMULATOR_URL } else { $env:JIRA_EMULATOR_DC_URL })
        @(Invoke-RestMethod "$url/__emulator/requests")
    }
    function Clear-EmulatorRequest([string] $Instance) {
        $url = $(if ($Instance -eq 'cloud') { $env:JIRA_EMULATOR_URL } else { $env:JIRA_EMULATOR_DC_URL })
        Invoke-RestMethod -Method Delete "$url/__emulator/requests"
    }
}

AfterAll {
    Get-JiraInstance | Disconnect-JiraInstance -Confirm:$false
}

Describe 'Round trips on <Instance>' -ForEach @(@{ Instance = 'cloud' }, @{ Instance = 'dc' }) {
    It 'creates, reads, updates and deletes an incident' {
        $created = New-JiraObject incidents -Instance $Instance -Fields @{
            project = 'OPS'; issuetype = 'Task'; summary = 'Disk full on db-1'; description = "First line`nSecond line"
            labels = 'ops', 'disk'; 'Story point estimate' = 3; priority = 'High'
        }
        $created.PSObject.TypeNames[0] | Should -Be 'JiraConnector.Incident'
        $created.Key | Should -Match '^OPS-\d+$'

        $read = Get-JiraObject incidents $created.Key -Instance $Instance
        $read.Summary | Should -Be 'Disk full on db-1'
        $read.Description | Should -Be "First line`nSecond line"
        $read.Priority | Should -Be 'High'
        $read.Labels | Should -Be @('ops', 'disk')
        $read.Raw.fields.customfield_10016 | Should -Be 3

        $read | Set-JiraObject -Fields @{ summary = 'Disk full on db-2' }
        $changed = Get-JiraObject incidents $created.Key -Instance $Instance
        $changed.Summary | Should -Be 'Disk full on db-2'
        $changed.Description | Should -Be "First line`nSecond line" -Because 'fields not given keep their values'
        $changed.Labels | Should -Be @('ops', 'disk')

        Remove-JiraObject incidents $created.Key -Instance $Instance -Confirm:$false
        { Get-JiraObject incidents $created.Key -Instance $Instance -ErrorAction Stop } |
            Should -Throw -ErrorId 'JiraNotFound,JiraConnector.Cmdlets.GetJiraObjectCommand'
    }

    It 'sends ADF on Cloud and plain text on Data Center' {
        Clear-EmulatorRequest $Instance
        $created = New-JiraObject incidents -Instance $Instance -Fields @{ project = 'OPS'; issuetype = 'Task'; summary = 'Text'; description = 'Plain' }
        try {
            if ($Instance -eq 'cloud') {
                $created.Raw.fields.description.type | Should -Be 'doc'
            }
            else {
                $created.Raw.fields.description | Should -Be 'Plain'
            }
            $created.Description | Should -Be 'Plain'
        }
        finally {
            Remove-JiraObject incidents $created.Key -Instance $Instance -Confirm:$false
        }
    }

    It 'moves an incident through its workflow with -Status' {
        $created = New-JiraObject incidents -Instance $Instance -Fields @{ project = 'OPS'; issuetype = 'Task'; summary = 'To be done' }
        try {
            $done = Set-JiraObject incidents $created.Key -Status Done -Instance $Instance -PassThru
            $done.Status | Should -Be 'Done'
            $done.Resolution | Should -Be 'Done'
            { Set-JiraObject incidents $created.Key -Status 'No such status' -Instance $Instance -ErrorAction Stop } |
                Should -Throw -ErrorId 'NoSuchTransition,JiraConnector.Cmdlets.SetJiraObjectCommand' -ExpectedMessage "*'To Do'*"
        }
        finally {
            Remove-JiraObject incidents $created.Key -Instance $Instance -Confirm:$false
        }
    }

    It 'creates, reads, updates and deletes a comment' {
        $comment = New-JiraObject incidents/OPS-2/comments -Instance $Instance -Fields @{ body = "Hello`nthere" }
        $comment.PSObject.TypeNames[0] | Should -Be 'JiraConnector.Comment'
        $comment.Body | Should -Be "Hello`nthere"

        (Get-JiraObject incidents/OPS-2/comments $comment.Id -Instance $Instance).Body | Should -Be "Hello`nthere"
        $updated = $comment | Set-JiraObject -Fields @{ body = 'Edited' } -PassThru
        $updated.Body | Should -Be 'Edited'
        (Get-JiraObject incidents/OPS-2/comments -Instance $Instance | Where-Object Id -eq $comment.Id).Body | Should -Be 'Edited'

        $comment | Remove-JiraObject -Confirm:$false
        { Get-JiraObject incidents/OPS-2/comments $comment.Id -Instance $Instance -ErrorAction Stop } |
            Should -Throw -ErrorId 'JiraNotFound,JiraConnector.Cmdlets.GetJiraObjectCommand'
    }

    It 'creates, reads, updates and deletes a worklog' {
        $worklog = New-JiraObject incidents/OPS-3/worklogs -Instance $Instance -Fields @{ timeSpent = '1h 30m'; comment = 'Fixed'; started = [datetime]'2024-03-01T10:00:00Z' }
        $worklog.PSObject.TypeNames[0] | Should -Be 'JiraConnector.Worklog'
        $worklog.TimeSpentSeconds | Should -Be 5400
        $worklog.Comment | Should -Be 'Fixed'

        $updated = $worklog | Set-JiraObject -Fields @{ timeSpent = '2h' } -PassThru
        $updated.TimeSpentSeconds | Should -Be 7200
        $updated.Comment | Should -Be 'Fixed'
        (Get-JiraObject incidents/OPS-3/worklogs $worklog.Id -Instance $Instance).TimeSpentSeconds | Should -Be 7200

        $worklog | Remove-JiraObject -Confirm:$false
        @(Get-JiraObject incidents/OPS-3/worklogs -Instance $Instance | Where-Object Id -eq $worklog.Id) | Should -BeNullOrEmpty
    }

    It 'creates, reads, updates and deletes a project' {
        $lead = $(if ($Instance -eq 'cloud') { '712020:00000000-0000-4000-8000-000000000001' } else { 'admin' })
        $key = if ($Instance -eq 'cloud') { 'RTC' } else { 'RTD' }
        $project = New-JiraObject projects -Instance $Instance -Fields @{ key = $key; name = "Round trip $key"; projectTypeKey = 'software'; leadAccountId = $lead }
        $project.PSObject.TypeNames[0] | Should -Be 'JiraConnector.Project'
        $project.Key | Should -Be $key

        $project | Set-JiraObject -Fields @{ name = "Renamed $key" }
        (Get-JiraObject projects $key -Instance $Instance).Name | Should -Be "Renamed $key"

        $project | Remove-JiraObject -Confirm:$false
        { Get-JiraObject projects $key -Instance $Instance -ErrorAction Stop } |
            Should -Throw -ErrorId 'JiraNotFound,JiraConnector.Cmdlets.GetJiraObjectCommand'
    }

    It 'sets, reads and removes an incident property' {
        New-JiraObject incidents/OPS-4/properties -Id 'deploy' -Instance $Instance -Fields @{ version = 7; hosts = @('a', 'b') } | Out-Null
        $property = Get-JiraObject incidents/OPS-4/properties deploy -Instance $Instance
        $property.Value.version | Should -Be 7
        $property.Value.hosts | Should -Be @('a', 'b')
        $property | Remove-JiraObject -Confirm:$false
        @(Get-JiraObject incidents/OPS-4/properties -Instance $Instance) | Should -BeNullOrEmpty
    }

    It 'gives JiraNotFound when the record to <Verb> is missing' -ForEach @(
        @{ Verb = 'change'; Command = { Set-JiraObject incidents OPS-999999 -Fields @{ summary = 'x' } -Instance $Instance -ErrorAction Stop }; Class = 'SetJiraObjectCommand' }
        @{ Verb = 'delete'; Command = { Remove-JiraObject incidents OPS-999999 -Instance $Instance -Confirm:$false -ErrorAction Stop }; Class = 'RemoveJiraObjectCommand' }
    ) {
        $Command | Should -Throw -ErrorId "JiraNotFound,JiraConnector.Cmdlets.$Class"
    }
}

Describe '-WhatIf' {
    It '<Name> sends no request' -ForEach @(
        @{ Name = 'New-JiraObject incidents'; Command = { New-JiraObject incidents -Instance cloud -Fields @{ project = 'OPS'; issuetype = 'Task'; summary = 'x' } -WhatIf } }
        @{ Name = 'New-JiraObject comments'; Command = { New-JiraObject incidents/OPS-1/comments -Instance cloud -Fields @{ body = 'x' } -WhatIf } }
        @{ Name = 'Set-JiraObject fields'; Command = { Set-JiraObject incidents OPS-1 -Instance cloud -Fields @{ summary = 'x'; 'Story point estimate' = 1 } -WhatIf } }
        @{ Name = 'Set-JiraObject status'; Command = { Set-JiraObject incidents OPS-1 -Instance cloud -Status Done -WhatIf } }
        @{ Name = 'Remove-JiraObject incidents'; Command = { Remove-JiraObject incidents OPS-1 -Instance cloud -WhatIf } }
        @{ Name = 'Remove-JiraObject projects'; Command = { Remove-JiraObject projects OPS -Instance cloud -WhatIf } }
    ) {
        Clear-EmulatorRequest 'cloud'
        & $Command
        Get-EmulatorRequest 'cloud' | Should -BeNullOrEmpty
        (Get-JiraObject incidents OPS-1 -Instance cloud).Summary | Should -Not -Be 'x'
    }

    It 'Remove-JiraObject asks for confirmation by default (ConfirmImpact High)' {
        $command = Get-Command Remove-JiraObject
        $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be 'High'
    }
}

Describe 'Get-JiraObjectType' {
    It 'describes every resource with its path, verbs and paging' {
        $types = @(Get-JiraObjectType -Instance cloud)
        $types.Name | Should -Contain 'incidents'
        $types.Name | Should -Contain 'incidents/{id}/comments'
        $types.Count | Should -Be 31
        $incidents = $types | Where-Object Name -eq 'incidents'
        $incidents.Verbs | Should -Be @('GET', 'POST', 'PATCH', 'DELETE')
        $incidents.Paging | Should -Match 'token'
        ($types | Where-Object Name -eq 'statuses').Verbs | Should -Be @('GET')
    }

    It 'lists the instance''s incident fields, custom ones included, and which can be queried' {
        $fields = (Get-JiraObjectType incidents -Instance cloud).Fields
        ($fields | Where-Object Id -eq 'customfield_10016').Name | Should -Be 'Story point estimate'
        ($fields | Where-Object Id -eq 'summary').Queryable | Should -BeTrue
    }

    It 'reports an unknown name' {
        { Get-JiraObjectType nonsense -ErrorAction Stop } |
            Should -Throw -ErrorId 'UnknownObject,JiraConnector.Cmdlets.GetJiraObjectTypeCommand'
    }
}

Describe 'Tab completion' {
    It 'completes <Parameter>' -ForEach @(
        @{ Parameter = 'object names'; Line = 'Get-JiraObject inc'; Expected = 'incidents' }
        @{ Parameter = 'project keys'; Line = 'Get-JiraObject agents -Project O'; Expected = 'OPS' }
        @{ Parameter = 'field names'; Line = 'Get-JiraObject incidents -Fields Story'; Expected = "'Story point estimate'" }
    ) {
        $completions = TabExpansion2 -inputScript $Line -cursorColumn $Line.Length
        $completions.CompletionMatches.CompletionText | Should -Contain $Expected
    }
}
