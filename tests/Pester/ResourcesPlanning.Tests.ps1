# What a project is planned with (versions, components, filters, boards, sprints, links) and who
# works in it (users, groups): each created, read back, changed and deleted where Jira allows it.
BeforeAll {
    Import-Module $env:JIRACONNECTOR_MODULE -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Connect-EmulatorCloud
    Connect-EmulatorDataCenter
}

AfterAll {
    Get-JiraInstance | Disconnect-JiraInstance -Confirm:$false
}

Describe 'Versions and components of a project on <Instance>' -ForEach @(@{ Instance = 'cloud' }, @{ Instance = 'dc' }) {
    It 'creates a version under the project, reads it back, releases it and deletes it' {
        $name = "9.$(Get-Random -Maximum 100000)"
        $made = New-JiraObject projects/OPS/versions -Fields @{ name = $name; description = 'Spring release' } -Instance $Instance -Confirm:$false
        $made.PSObject.TypeNames[0] | Should -Be 'JiraConnector.ProjectVersion'
        $made.Name | Should -Be $name
        $made.Released | Should -BeFalse

        (Get-JiraObject projects/OPS/versions -Instance $Instance).Name | Should -Contain $name
        $changed = Set-JiraObject projects/OPS/versions -Id $made.Id -Fields @{ released = $true } -Instance $Instance -PassThru -Confirm:$false
        $changed.Released | Should -BeTrue
        (Get-JiraObject projects/OPS/versions -Id $made.Id -Instance $Instance).Description | Should -Be 'Spring release'

        Remove-JiraObject projects/OPS/versions -Id $made.Id -Instance $Instance -Confirm:$false
        (Get-JiraObject projects/OPS/versions -Instance $Instance).Name | Should -Not -Contain $name
    }

    It 'lists the seeded versions of another project, not those of OPS' {
        $names = (Get-JiraObject projects/DATA/versions -Instance $Instance).Name
        $names | Should -Contain '1.0'
        (Get-JiraObject projects/DATA/versions -Instance $Instance).Project | Select-Object -Unique | Should -Be 'DATA'
    }

    It 'creates a component, renames it and deletes it' {
        $name = "Pumps $(Get-Random -Maximum 100000)"
        $made = New-JiraObject projects/OPS/components -Fields @{ name = $name } -Instance $Instance -Confirm:$false
        $made.PSObject.TypeNames[0] | Should -Be 'JiraConnector.ProjectComponent'
        (Get-JiraObject projects/OPS/components -Instance $Instance).Name | Should -Contain $name

        $null = Set-JiraObject projects/OPS/components -Id $made.Id -Fields @{ name = "$name (wet)" } -Instance $Instance -Confirm:$false
        (Get-JiraObject projects/OPS/components -Id $made.Id -Instance $Instance).Name | Should -Be "$name (wet)"

        Remove-JiraObject projects/OPS/components -Id $made.Id -Instance $Instance -Confirm:$false
        (Get-JiraObject projects/OPS/components -Instance $Instance).Id | Should -Not -Contain $made.Id
    }

    It 'sends nothing with -WhatIf' {
        New-JiraObject projects/OPS/components -Fields @{ name = 'Never made' } -Instance $Instance -WhatIf
        (Get-JiraObject projects/OPS/components -Instance $Instance).Name | Should -Not -Contain 'Never made'
    }
}

Describe 'Filters and their shares on <Instance>' -ForEach @(@{ Instance = 'cloud' }, @{ Instance = 'dc' }) {
    It 'creates a filter, reads it back, changes its query, shares it, and deletes it' {
        $name = "Open pumps $(Get-Random -Maximum 100000)"
        $made = New-JiraObject filters -Fields @{ name = $name; jql = 'project = OPS'; favourite = $true } -Instance $Instance -Confirm:$false
        $made.PSObject.TypeNames[0] | Should -Be 'JiraConnector.Filter'
        $made.Jql | Should -Be 'project = OPS'
        (Get-JiraObject filters -Instance $Instance).Name | Should -Contain $name

        $null = Set-JiraObject filters -Id $made.Id -Fields @{ jql = 'project = OPS AND status = Done' } -Instance $Instance -Confirm:$false
        (Get-JiraObject filters -Id $made.Id -Instance $Instance).Jql | Should -Be 'project = OPS AND status = Done'

        $share = New-JiraObject "filters/$($made.Id)/permissions" -Fields @{ type = 'group'; groupname = 'jira-software-users' } -Instance $Instance -Confirm:$false
        $share.PSObject.TypeNames[0] | Should -Be 'JiraConnector.SharePermission'
        $share.Type | Should -Be 'group'
        $share.With | Should -Be 'jira-software-users'
        (Get-JiraObject "filters/$($made.Id)/permissions" -Instance $Instance).Id | Should -Contain $share.Id
        Remove-JiraObject "filters/$($made.Id)/permissions" -Id $share.Id -Instance $Instance -Confirm:$false
        @(Get-JiraObject "filters/$($made.Id)/permissions" -Instance $Instance).Id | Should -Not -Contain $share.Id

        Remove-JiraObject filters -Id $made.Id -Instance $Instance -Confirm:$false
        { Get-JiraObject filters -Id $made.Id -Instance $Instance -ErrorAction Stop } | Should -Throw
    }

    It 'says a share is replaced, not changed' {
        { Set-JiraObject filters/10000/permissions -Id 1 -Fields @{ type = 'global' } -Instance $Instance -Confirm:$false -ErrorAction Stop } |
            Should -Throw "*cannot be changed through Jira's REST API*"
    }
}

Describe 'Boards, sprints and moving incidents on <Instance>' -ForEach @(@{ Instance = 'cloud' }, @{ Instance = 'dc' }) {
    BeforeAll {
        $script:board = Get-JiraObject boards -Instance $Instance | Where-Object Type -eq 'scrum' | Select-Object -First 1
    }

    It 'lists the seeded boards, scrum and kanban' {
        $boards = Get-JiraObject boards -Instance $Instance
        $boards[0].PSObject.TypeNames[0] | Should -Be 'JiraConnector.Board'
        $boards.Type | Should -Contain 'scrum'
        $boards.Type | Should -Contain 'kanban'
        $script:board | Should -Not -BeNullOrEmpty
        (Get-JiraObject boards -Id $script:board.Id -Instance $Instance).Name | Should -Be $script:board.Name
    }

    It 'creates a sprint on a board, changes its goal and deletes it' {
        $name = "Night Sprint $(Get-Random -Maximum 100000)"
        $made = New-JiraObject "boards/$($script:board.Id)/sprints" -Fields @{ name = $name } -Instance $Instance -Confirm:$false
        $made.PSObject.TypeNames[0] | Should -Be 'JiraConnector.Sprint'
        $made.State | Should -Be 'future'
        $made.Board | Should -Be $script:board.Id
        (Get-JiraObject "boards/$($script:board.Id)/sprints" -Instance $Instance).Name | Should -Contain $name

        $null = Set-JiraObject "boards/$($script:board.Id)/sprints" -Id $made.Id -Fields @{ goal = 'Dry pumps' } -Instance $Instance -Confirm:$false
        $read = Get-JiraObject "boards/$($script:board.Id)/sprints" -Id $made.Id -Instance $Instance
        $read.Goal | Should -Be 'Dry pumps'
        $read.Name | Should -Be $name

        Remove-JiraObject "boards/$($script:board.Id)/sprints" -Id $made.Id -Instance $Instance -Confirm:$false
        (Get-JiraObject "boards/$($script:board.Id)/sprints" -Instance $Instance).Id | Should -Not -Contain $made.Id
    }

    It 'moves an incident into a sprint and back to the backlog' {
        $sprint = Get-JiraObject "boards/$($script:board.Id)/sprints" -Instance $Instance | Where-Object State -eq 'active' | Select-Object -First 1
        $sprint | Should -Not -BeNullOrEmpty
        $incident = New-JiraObject incidents -Fields @{ project = $script:board.Project; summary = "Sprint mover ($Instance)"; issuetype = 'Task' } -Instance $Instance -Confirm:$false

        $null = New-JiraObject "sprints/$($sprint.Id)/issues" -Id $incident.Key -Instance $Instance -Confirm:$false
        (Get-JiraObject "sprints/$($sprint.Id)/issues" -Instance $Instance).Key | Should -Contain $incident.Key

        Remove-JiraObject "sprints/$($sprint.Id)/issues" -Id $incident.Key -Instance $Instance -Confirm:$false
        @(Get-JiraObject "sprints/$($sprint.Id)/issues" -Instance $Instance).Key | Should -Not -Contain $incident.Key
    }

    It 'creates a board over a filter, reads it back and deletes it' {
        $filter = New-JiraObject filters -Fields @{ name = "Board over $Instance"; jql = 'project = DATA' } -Instance $Instance -Confirm:$false
        $made = New-JiraObject boards -Fields @{ name = "DATA night board ($Instance)"; type = 'kanban'; filterId = $filter.Id } -Instance $Instance -Confirm:$false
        $made.PSObject.TypeNames[0] | Should -Be 'JiraConnector.Board'
        $made.Project | Should -Be 'DATA'
        (Get-JiraObject boards -Instance $Instance).Id | Should -Contain $made.Id

        Remove-JiraObject boards -Id $made.Id -Instance $Instance -Confirm:$false
        (Get-JiraObject boards -Instance $Instance).Id | Should -Not -Contain $made.Id
        Remove-JiraObject filters -Id $filter.Id -Instance $Instance -Confirm:$false
    }

    It 'says Jira changes no board' {
        { Set-JiraObject boards -Id $script:board.Id -Fields @{ name = 'x' } -Instance $Instance -Confirm:$false -ErrorAction Stop } |
            Should -Throw "*cannot be changed through Jira's REST API*"
    }
}

Describe 'Issue links and link types on <Instance>' -ForEach @(@{ Instance = 'cloud' }, @{ Instance = 'dc' }) {
    It 'lists the link types' {
        $types = Get-JiraObject link-types -Instance $Instance
        $types[0].PSObject.TypeNames[0] | Should -Be 'JiraConnector.IssueLinkType'
        ($types | Where-Object Name -eq 'Blocks').Outward | Should -Be 'blocks'
    }

    It 'creates a link type, renames its outward phrase, and deletes it' {
        $name = "Feeds $(Get-Random -Maximum 100000)"
        $made = New-JiraObject link-types -Fields @{ name = $name; inward = 'is fed by'; outward = 'feeds' } -Instance $Instance -Confirm:$false
        $made.PSObject.TypeNames[0] | Should -Be 'JiraConnector.IssueLinkType'
        $made.Inward | Should -Be 'is fed by'

        $null = Set-JiraObject link-types -Id $made.Id -Fields @{ outward = 'supplies' } -Instance $Instance -Confirm:$false
        (Get-JiraObject link-types -Id $made.Id -Instance $Instance).Outward | Should -Be 'supplies'

        Remove-JiraObject link-types -Id $made.Id -Instance $Instance -Confirm:$false
        (Get-JiraObject link-types -Instance $Instance).Name | Should -Not -Contain $name
    }

    It 'links two incidents, reads the link from both ends, and deletes it' {
        $blocker = New-JiraObject incidents -Fields @{ project = 'OPS'; summary = "Blocker ($Instance)"; issuetype = 'Task' } -Instance $Instance -Confirm:$false
        $blocked = New-JiraObject incidents -Fields @{ project = 'OPS'; summary = "Blocked ($Instance)"; issuetype = 'Task' } -Instance $Instance -Confirm:$false

        $link = New-JiraObject "incidents/$($blocker.Key)/links" -Fields @{ Type = 'Blocks'; Other = $blocked.Key } -Instance $Instance -Confirm:$false
        $link.PSObject.TypeNames[0] | Should -Be 'JiraConnector.IssueLink'
        $link.Id | Should -Not -BeNullOrEmpty

        $fromBlocker = @(Get-JiraObject "incidents/$($blocker.Key)/links" -Instance $Instance)
        $fromBlocker.Count | Should -Be 1
        $fromBlocker[0].Relation | Should -Be 'blocks'
        $fromBlocker[0].Other | Should -Be $blocked.Key
        $fromBlocker[0].OtherSummary | Should -Be "Blocked ($Instance)"

        $fromBlocked = Get-JiraObject "incidents/$($blocked.Key)/links" -Instance $Instance
        $fromBlocked.Relation | Should -Be 'is blocked by'
        $fromBlocked.Other | Should -Be $blocker.Key

        # Read by id through the blocked incident, the link is told from that end too.
        $byId = Get-JiraObject "incidents/$($blocked.Key)/links" -Id $link.Id -Instance $Instance
        $byId.Relation | Should -Be 'is blocked by'
        $byId.Other | Should -Be $blocker.Key
        $byId.From | Should -Be $blocker.Key

        Remove-JiraObject "incidents/$($blocker.Key)/links" -Id $link.Id -Instance $Instance -Confirm:$false
        @(Get-JiraObject "incidents/$($blocked.Key)/links" -Instance $Instance).Count | Should -Be 0
    }

    It 'names a link type that does not exist' {
        { New-JiraObject incidents/OPS-1/links -Fields @{ Type = 'Haunts'; Other = 'OPS-2' } -Instance $Instance -Confirm:$false -ErrorAction Stop } |
            Should -Throw '*Haunts*'
    }
}

Describe 'Users and groups on <Instance>' -ForEach @(@{ Instance = 'cloud' }, @{ Instance = 'dc' }) {
    It 'creates a user, finds it, and deletes it' {
        $n = Get-Random -Maximum 100000
        $fields = @{ emailAddress = "temp$n@example.com"; displayName = "Temp Worker $n" }
        if ($Instance -eq 'dc') { $fields.name = "temp$n" }
        $made = New-JiraObject contacts -Fields $fields -Instance $Instance -Confirm:$false
        $made.PSObject.TypeNames[0] | Should -Be 'JiraConnector.User'
        $made.DisplayName | Should -Be "Temp Worker $n"
        $id = if ($Instance -eq 'cloud') { $made.AccountId } else { $made.Name }
        (Get-JiraObject contacts -Id $id -Instance $Instance).EmailAddress | Should -Be "temp$n@example.com"

        Remove-JiraObject contacts -Id $id -Instance $Instance -Confirm:$false
        { Get-JiraObject contacts -Id $id -Instance $Instance -ErrorAction Stop } | Should -Throw
    }

    It 'creates a group, lists it, and deletes it' {
        $name = "night-shift-$(Get-Random -Maximum 100000)"
        $made = New-JiraObject groups -Fields @{ name = $name } -Instance $Instance -Confirm:$false
        $made.PSObject.TypeNames[0] | Should -Be 'JiraConnector.Group'
        $made.Name | Should -Be $name
        (Get-JiraObject groups -Instance $Instance).Name | Should -Contain $name

        Remove-JiraObject groups -Id $name -Instance $Instance -Confirm:$false
        (Get-JiraObject groups -Instance $Instance).Name | Should -Not -Contain $name
    }

    It 'says Jira renames no group' {
        { Set-JiraObject groups -Id jira-software-users -Fields @{ name = 'x' } -Instance $Instance -Confirm:$false -ErrorAction Stop } |
            Should -Throw "*cannot be changed through Jira's REST API*"
    }
}

Describe 'Get-JiraObjectType' {
    It 'lists every planning resource with the verbs it takes' {
        $types = Get-JiraObjectType
        foreach ($name in 'projects/{key}/versions', 'projects/{key}/components', 'filters', 'filters/{id}/permissions',
            'boards', 'boards/{id}/sprints', 'sprints/{id}/issues', 'incidents/{id}/links', 'link-types', 'groups', 'contacts') {
            ($types | Where-Object Name -eq $name).Verbs | Should -Contain 'POST' -Because $name
        }
        ($types | Where-Object Name -eq 'boards').Verbs | Should -Not -Contain 'PATCH'
        ($types | Where-Object Name -eq 'link-types').Verbs | Should -Contain 'DELETE'
    }
}

Describe 'Tab completion of planning paths' {
    It 'completes <Line>' -ForEach @(
        @{ Line = 'Get-JiraObject projects/O'; Expected = 'projects/OPS' }
        @{ Line = 'Get-JiraObject projects/OPS/'; Expected = 'projects/OPS/versions' }
        @{ Line = 'Get-JiraObject projects/OPS/comp'; Expected = 'projects/OPS/components' }
        @{ Line = 'Get-JiraObject boards/1/'; Expected = 'boards/1/sprints' }
        @{ Line = 'Get-JiraObject filters/10000/'; Expected = 'filters/10000/permissions' }
        @{ Line = 'Get-JiraObject incidents/OPS-1/li'; Expected = 'incidents/OPS-1/links' }
        @{ Line = 'Get-JiraObject link'; Expected = 'link-types' }
    ) {
        $completions = TabExpansion2 -inputScript $Line -cursorColumn $Line.Length
        $completions.CompletionMatches.CompletionText | Should -Contain $Expected
    }
}
