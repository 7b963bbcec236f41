# Every resource of the map read through the built module, on Cloud and Data Center, with the
# type name and the flattened properties each record should carry.
BeforeDiscovery {
    # Object, expected type, a property that every record must fill, and whether the seed has records on both deployments.
    $script:resources = @(
        @{ Object = 'incidents'; Type = 'Incident'; Property = 'Key' }
        @{ Object = 'incidents/OPS-1/comments'; Type = 'Comment'; Property = 'Body' }
        @{ Object = 'incidents/OPS-1/worklogs'; Type = 'Worklog'; Property = 'TimeSpentSeconds' }
        @{ Object = 'incidents/OPS-1/history'; Type = 'ChangeHistory'; Property = 'Changes' }
        @{ Object = 'incidents/OPS-1/transitions'; Type = 'Transition'; Property = 'ToStatus' }
        @{ Object = 'incidents/OPS-1/watchers'; Type = 'User'; Property = 'DisplayName' }
        @{ Object = 'incidents/OPS-1/attachments'; Type = 'Attachment'; Property = 'FileName' }
        @{ Object = 'contacts'; Type = 'User'; Property = 'Id' }
        @{ Object = 'groups'; Type = 'Group'; Property = 'Name' }
        @{ Object = 'groups/developers/members'; Type = 'User'; Property = 'DisplayName' }
        @{ Object = 'projects'; Type = 'Project'; Property = 'Key' }
        @{ Object = 'worklogs'; Type = 'Worklog'; Property = 'Started' }
        @{ Object = 'notification-schemes'; Type = 'Scheme'; Property = 'Name' }
        @{ Object = 'permission-schemes'; Type = 'Scheme'; Property = 'Name' }
        @{ Object = 'incident-types'; Type = 'IncidentType'; Property = 'Name' }
        @{ Object = 'priorities'; Type = 'Priority'; Property = 'Name' }
        @{ Object = 'statuses'; Type = 'Status'; Property = 'Category' }
        @{ Object = 'fields'; Type = 'Field'; Property = 'Type' }
        @{ Object = 'project-categories'; Type = 'ProjectCategory'; Property = 'Name' }
        @{ Object = 'issuesecurity-schemes'; Type = 'Scheme'; Property = 'Name' }
        @{ Object = 'serverInfo'; Type = 'JiraObject'; Property = 'RawJson' }
        @{ Object = 'issue/OPS-1/comment'; Type = 'JiraObject'; Property = 'Id' }
    )
}

BeforeAll {
    Import-Module $env:JIRACONNECTOR_MODULE -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Connect-EmulatorCloud
    Connect-EmulatorDataCenter
}

AfterAll {
    Get-JiraInstance | Disconnect-JiraInstance -Confirm:$false
}

Describe 'Get-JiraObject <Object>' -ForEach $resources {
    It 'reads typed records on <Instance>' -ForEach @(@{ Instance = 'cloud' }, @{ Instance = 'dc' }) {
        $records = @(Get-JiraObject $Object -Instance $Instance -First 5)

        $records.Count | Should -BeGreaterThan 0
        $records | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be "JiraConnector.$Type" }
        $records | Where-Object { -not $_.$Property } | Should -BeNullOrEmpty -Because "every record fills $Property"
        $records[0].InstanceName | Should -Be $Instance
        $records[0].RawJson | Should -Not -BeNullOrEmpty
    }
}

Describe 'Get-JiraObject agents and single records' {
    It 'lists the users assignable in a project' {
        $agents = @(Get-JiraObject agents -Project OPS -Instance cloud)
        $agents.Count | Should -BeGreaterThan 0
        $agents[0].PSObject.TypeNames[0] | Should -Be 'JiraConnector.User'
    }

    It 'says which parameter agents need when the project is missing' {
        { Get-JiraObject agents -Instance cloud -ErrorAction Stop } |
            Should -Throw -ErrorId 'ProjectRequired,JiraConnector.Cmdlets.GetJiraObjectCommand' -ExpectedMessage '*-Project*'
    }

    It 'reads one record of <Object> by -Id' -ForEach @(
        @{ Object = 'incidents'; Id = 'OPS-1'; Property = 'Key' }
        @{ Object = 'projects'; Id = 'OPS'; Property = 'Key' }
        @{ Object = 'priorities'; Id = '1'; Property = 'Id' }
        @{ Object = 'fields'; Id = 'summary'; Property = 'Id' }
        @{ Object = 'incidents/OPS-1/comments'; Id = '10000'; Property = 'Id' }
    ) {
        $record = @(Get-JiraObject $Object $Id -Instance cloud)
        $record.Count | Should -Be 1
        $record[0].$Property | Should -Be $Id
    }

    It 'reads custom fields by display name as properties of that name' {
        $incident = Get-JiraObject incidents OPS-1 -Fields summary, 'Story point estimate' -Instance cloud
        $incident.Summary | Should -Not -BeNullOrEmpty
        $incident.PSObject.Properties['Story point estimate'] | Should -Not -BeNullOrEmpty
        $incident.'Story point estimate' | Should -Be $incident.Raw.fields.customfield_10016
    }

    It 'gives JiraNotFound for a missing <Object> record' -ForEach @(
        @{ Object = 'incidents'; Id = 'OPS-999999' }
        @{ Object = 'projects'; Id = 'NOPE' }
        @{ Object = 'incidents/OPS-1/comments'; Id = '99999999' }
        @{ Object = 'fields'; Id = 'no-such-field' }
    ) {
        { Get-JiraObject $Object $Id -Instance cloud -ErrorAction Stop } |
            Should -Throw -ErrorId 'JiraNotFound,JiraConnector.Cmdlets.GetJiraObjectCommand'
    }

    It 'lists the valid names for an unknown -Object on <Command>' -ForEach @(
        @{ Command = 'Get-JiraObject'; Class = 'GetJiraObjectCommand'; Arguments = @{} }
        @{ Command = 'New-JiraObject'; Class = 'NewJiraObjectCommand'; Arguments = @{ Fields = @{ a = 1 }; Confirm = $false } }
        @{ Command = 'Set-JiraObject'; Class = 'SetJiraObjectCommand'; Arguments = @{ Id = '1'; Fields = @{ a = 1 }; Confirm = $false } }
        @{ Command = 'Remove-JiraObject'; Class = 'RemoveJiraObjectCommand'; Arguments = @{ Id = '1'; Confirm = $false } }
    ) {
        { & $Command -Object nonsense @Arguments -Instance cloud -ErrorAction Stop } |
            Should -Throw -ErrorId "UnknownObject,JiraConnector.Cmdlets.$Class" -ExpectedMessage '*Valid names: agents, boards*contacts*incidents*projects*worklogs*'
    }
}

Describe 'Attachments' {
    It 'reads an incident''s attachments with their metadata on <Instance>, and one by id' -ForEach @(@{ Instance = 'cloud' }, @{ Instance = 'dc' }) {
        $attachments = @(Get-JiraObject incidents/OPS-1/attachments -Instance $Instance)

        $attachments.Count | Should -BeGreaterThan 0
        $attachments | Where-Object { -not $_.Size -or -not $_.MimeType -or -not $_.Content } | Should -BeNullOrEmpty
        $one = Get-JiraObject incidents/OPS-1/attachments $attachments[0].Id -Instance $Instance
        $one.FileName | Should -Be $attachments[0].FileName
        $one.Size | Should -Be $attachments[0].Size
    }
}
