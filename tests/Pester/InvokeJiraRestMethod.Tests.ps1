# Invoke-JiraRestMethod: any path of the site through the instance's connection, checked in the emulator's request log.
BeforeAll {
    Import-Module $env:JIRACONNECTOR_MODULE -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Connect-EmulatorCloud
    Connect-EmulatorDataCenter
    # The log is one JSON array, which Invoke-RestMethod writes as one object: its entries are piped on one by one.
    function Get-EmulatorRequest([string] $Url = $env:JIRA_EMULATOR_URL) { $log = Invoke-RestMethod "$Url/__emulator/requests"; @($log | ForEach-Object { $_ }) }
    function Clear-EmulatorRequest([string] $Url = $env:JIRA_EMULATOR_URL) { Invoke-RestMethod -Method Delete "$Url/__emulator/requests" }
}

AfterAll {
    Get-JiraInstance | Disconnect-JiraInstance -Confirm:$false
}

Describe 'Invoke-JiraRestMethod' {
    It 'POSTs to a path no resource covers, and the record reads back' {
        $filter = Invoke-JiraRestMethod filter -Method POST -Instance cloud -Body @{ name = 'Open OPS work'; jql = 'project = OPS' }
        $filter.id | Should -Not -BeNullOrEmpty
        (Invoke-JiraRestMethod "filter/$($filter.id)" -Instance cloud).jql | Should -Be 'project = OPS'
        Invoke-JiraRestMethod "/rest/api/3/filter/$($filter.id)" -Method DELETE -Instance cloud -Confirm:$false
        # Jira answers a filter it no longer has with 400, as the emulator does.
        { Invoke-JiraRestMethod "filter/$($filter.id)" -Instance cloud } | Should -Throw -ErrorId 'JiraBadRequest,JiraConnector.Cmdlets.InvokeJiraRestMethodCommand'
    }

    It 'sends a JSON string as given' {
        $filter = Invoke-JiraRestMethod filter -Method POST -Instance cloud -Body '{"name":"From text","jql":"project = WEB"}'
        $filter.jql | Should -Be 'project = WEB'
    }

    It 'reads every page of a page-bean with -Paging' {
        Clear-EmulatorRequest
        $boards = @(Invoke-JiraRestMethod /rest/agile/1.0/board -Query @{ maxResults = 2 } -Paging -Instance cloud)
        $boards.Count | Should -Be 5
        $boards.name | Should -Contain 'OPS board'
        $pages = @(Get-EmulatorRequest | Where-Object Path -eq '/rest/agile/1.0/board')
        $pages.Count | Should -Be 3
        $pages[1].Query | Should -Match 'startAt=2'
        @(Invoke-JiraRestMethod /rest/agile/1.0/board -Paging -First 1 -Instance cloud).Count | Should -Be 1
        @(Invoke-JiraRestMethod /rest/agile/1.0/board -Paging -NextPage -Instance cloud).Count | Should -Be 4
    }

    It 'calls the Agile API: a new sprint on a board, read back' {
        $board = Invoke-JiraRestMethod /rest/agile/1.0/board/1 -Instance cloud
        $board.type | Should -Be 'scrum'
        $sprint = Invoke-JiraRestMethod /rest/agile/1.0/sprint -Method POST -Body @{ name = 'Hatch sprint'; originBoardId = 1 } -Instance cloud
        (Invoke-JiraRestMethod "/rest/agile/1.0/sprint/$($sprint.id)" -Instance cloud).name | Should -Be 'Hatch sprint'
    }

    It 'sends nothing with -WhatIf' {
        Clear-EmulatorRequest
        Invoke-JiraRestMethod filter -Method POST -Body @{ name = 'Never'; jql = 'project = OPS' } -Instance cloud -WhatIf
        Invoke-JiraRestMethod issue/OPS-1 -Method DELETE -Instance cloud -WhatIf
        @(Get-EmulatorRequest | Where-Object Method -ne 'GET').Count | Should -Be 0
    }

    It "gives an error record with Jira's message" {
        $failure = { Invoke-JiraRestMethod issue/NOPE-999 -Instance cloud } | Should -Throw -PassThru
        $failure.FullyQualifiedErrorId | Should -BeLike 'JiraNotFound,*'
        $failure.Exception.Message | Should -BeLike '*Issue does not exist or you do not have permission to see it.*'
    }

    It 'reaches the platform API of each deployment, a path from the root, and a full URL of the site' {
        (Invoke-JiraRestMethod myself -Instance dc).name | Should -Be 'admin'
        (Invoke-JiraRestMethod /rest/api/2/myself -Instance dc).name | Should -Be 'admin'
        (Invoke-JiraRestMethod "$($env:JIRA_EMULATOR_URL)/rest/api/3/myself" -Instance cloud).emailAddress | Should -Be 'admin@example.com'
    }

    It 'refuses a path that leaves the site, or a body that is not JSON, before sending' {
        Clear-EmulatorRequest
        { Invoke-JiraRestMethod ../../secure/admin -Instance cloud } | Should -Throw -ErrorId 'InvalidRestPath,*'
        { Invoke-JiraRestMethod https://elsewhere.example.net/rest/api/3/myself -Instance cloud } | Should -Throw '*not on the instance*'
        { Invoke-JiraRestMethod filter -Method POST -Body '{name:' -Instance cloud } | Should -Throw -ErrorId 'InvalidRequestBody,*'
        @(Get-EmulatorRequest).Count | Should -Be 0
    }

    It 'uploads a file as multipart with -InFile' {
        $file = Join-Path $TestDrive 'notes.txt'
        Set-Content $file 'uploaded by the escape hatch'
        $attached = @(Invoke-JiraRestMethod issue/OPS-2/attachments -Method POST -InFile $file -Instance cloud)
        $attached[0].filename | Should -Be 'notes.txt'
    }

    It 'is also Invoke-JiraMethod' {
        (Get-Alias Invoke-JiraMethod).Definition | Should -Be 'Invoke-JiraRestMethod'
    }
}

Describe 'Get-JiraObject with a path from the root' {
    It 'sends /rest/api/3/myself once, not under rest/api/3 again' {
        Clear-EmulatorRequest
        (Get-JiraObject /rest/api/3/myself -Instance cloud).Name | Should -Not -BeNullOrEmpty
        (Get-EmulatorRequest).Path | Should -Be '/rest/api/3/myself'
        @(Get-JiraObject /rest/agile/1.0/board -Instance cloud).Count | Should -Be 5
    }
}
