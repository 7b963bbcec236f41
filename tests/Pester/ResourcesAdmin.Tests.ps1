# The resources an admin reaches for, each created, read back and deleted where Jira allows it.
BeforeAll {
    Import-Module $env:JIRACONNECTOR_MODULE -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Connect-EmulatorCloud
    Connect-EmulatorDataCenter
}

AfterAll {
    Get-JiraInstance | Disconnect-JiraInstance -Confirm:$false
}

Describe 'Attachments on <Instance>' -ForEach @(@{ Instance = 'cloud' }, @{ Instance = 'dc' }) {
    It 'uploads a file, reads it back, downloads it and deletes it' {
        $file = Join-Path $TestDrive "runbook-$Instance.txt"
        Set-Content $file "Restart the pump, then check the queue ($Instance)" -NoNewline
        $attached = @(New-JiraObject incidents/OPS-3/attachments -InFile $file -Instance $Instance -Confirm:$false)
        $attached.Count | Should -Be 1
        $attached[0].PSObject.TypeNames[0] | Should -Be 'JiraConnector.Attachment'
        $attached[0].FileName | Should -Be "runbook-$Instance.txt"

        (Get-JiraObject incidents/OPS-3/attachments -Instance $Instance).Id | Should -Contain $attached[0].Id

        $copy = Join-Path $TestDrive "copy-$Instance.txt"
        $saved = Get-JiraObject incidents/OPS-3/attachments -Id $attached[0].Id -OutFile $copy -Instance $Instance
        $saved.FullName | Should -Be $copy
        Get-Content $copy -Raw | Should -Be "Restart the pump, then check the queue ($Instance)"
        Test-Path "$copy.part" | Should -BeFalse

        Remove-JiraObject incidents/OPS-3/attachments -Id $attached[0].Id -Instance $Instance -Confirm:$false
        (Get-JiraObject incidents/OPS-3/attachments -Instance $Instance).Id | Should -Not -Contain $attached[0].Id
    }

    It 'sends nothing with -WhatIf' {
        $file = Join-Path $TestDrive 'never.txt'
        Set-Content $file 'never sent'
        New-JiraObject incidents/OPS-3/attachments -InFile $file -Instance $Instance -WhatIf
        (Get-JiraObject incidents/OPS-3/attachments -Instance $Instance).FileName | Should -Not -Contain 'never.txt'
    }

    It 'names a file that is not there' {
        { New-JiraObject incidents/OPS-3/attachments -InFile (Join-Path $TestDrive 'missing.txt') -Instance $Instance } | Should -Throw -ErrorId 'SourceFileNotFound,*'
        { Invoke-JiraRestMethod issue/OPS-3/attachments -Method POST -InFile (Join-Path $TestDrive 'missing.txt') -Instance $Instance } | Should -Throw '*missing.txt*does not exist*'
    }

    It 'says an attachment is made from a file, not from -Fields' {
        { New-JiraObject incidents/OPS-3/attachments -Fields @{ filename = 'x.txt' } -Instance $Instance -Confirm:$false -ErrorAction Stop } |
            Should -Throw '*made from a file*-InFile*'
    }

    It 'refuses -OutFile for a resource that has no files' {
        { Get-JiraObject projects -Id OPS -OutFile (Join-Path $TestDrive 'p.bin') -Instance $Instance } | Should -Throw -ErrorId 'ObjectNotSupported,*'
    }
}

Describe 'Group members on <Instance>' -ForEach @(@{ Instance = 'cloud' }, @{ Instance = 'dc' }) {
    It 'adds a member, reads the group back with it, and removes it' {
        $group = "hatch-$Instance"
        $null = Invoke-JiraRestMethod group -Method POST -Body @{ name = $group } -Instance $Instance
        $user = Get-JiraObject contacts -Instance $Instance -First 1
        $id = $(if ($Instance -eq 'cloud') { $user.AccountId } else { $user.Name })

        $added = New-JiraObject "groups/$group/members" -Id $id -Instance $Instance -Confirm:$false
        $added.PSObject.TypeNames[0] | Should -Be 'JiraConnector.User'
        $added.Id | Should -Be $id
        (Get-JiraObject "groups/$group/members" -Instance $Instance).Id | Should -Contain $id

        Remove-JiraObject "groups/$group/members" -Id $id -Instance $Instance -Confirm:$false
        @(Get-JiraObject "groups/$group/members" -Instance $Instance).Id | Should -Not -Contain $id
    }
}

Describe 'What cannot be created' {
    It 'is said only of resources Jira cannot create, and lists those it can' {
        $failure = { New-JiraObject agents -Fields @{ name = 'Urgent' } -Instance cloud -ErrorAction Stop } | Should -Throw -PassThru
        $failure.Exception.Message | Should -BeLike "agents records cannot be created through Jira's REST API*"
        $failure.Exception.Message | Should -BeLike '*incidents/{id}/attachments*'
        $failure.Exception.Message | Should -BeLike '*groups/{name}/members*'
    }

    It 'points to Invoke-JiraRestMethod where Jira can but the module does not' {
        $failure = { New-JiraObject priorities -Fields @{ name = 'Urgent' } -Instance cloud -ErrorAction Stop } | Should -Throw -PassThru
        $failure.Exception.Message | Should -BeLike 'This module does not let priorities records be created; Invoke-JiraRestMethod*'
        $failure.Exception.Message | Should -Not -BeLike "*cannot be created through Jira's REST API*"
    }

    It 'Get-JiraObjectType shows that attachments and group members take POST' {
        $types = Get-JiraObjectType
        ($types | Where-Object Name -eq 'incidents/{id}/attachments').Verbs | Should -Contain 'POST'
        ($types | Where-Object Name -eq 'groups/{name}/members').Verbs | Should -Contain 'POST'
    }
}
