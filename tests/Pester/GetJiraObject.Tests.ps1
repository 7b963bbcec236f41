# Reading through the module: every page streamed, the right search endpoint per deployment.
BeforeAll {
    Import-Module $env:JIRACONNECTOR_MODULE -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Connect-EmulatorCloud
    Connect-EmulatorDataCenter
}

AfterAll {
    Get-JiraInstance | Disconnect-JiraInstance -Confirm:$false
}

Describe 'Get-JiraObject incidents' -ForEach @(
    # Parallel (the default, 4 at once): Cloud reads a first page, then all 1,950 other ids in one page of up
    # to 5,000 and their issues 100 a bulkfetch; Data Center reads a first page, then the rest 49 new a page
    # (each starts one early, on the last issue of the page before it).
    @{ Instance = 'cloud'; Endpoint = '/rest/api/3/search/jql'; Parallel = @{ '/rest/api/3/search/jql' = 2; '/rest/api/3/issue/bulkfetch' = 20 } }
    @{ Instance = 'dc'; Endpoint = '/rest/api/2/search'; Parallel = @{ '/rest/api/2/search' = 1 + [math]::Ceiling(1950 / 49) } }
) {
    It 'reads 1,000 incidents with their fields on <Instance>' {
        $incidents = @(Get-JiraObject -Object incidents -Instance $Instance -First 1000)

        $incidents.Count | Should -Be 1000
        ($incidents.Key | Sort-Object -Unique).Count | Should -Be 1000
        $incidents[0].PSObject.TypeNames[0] | Should -Be 'JiraConnector.Incident'
        $incidents | Where-Object { -not $_.Summary } | Should -BeNullOrEmpty
        $incidents | Where-Object { -not $_.Status } | Should -BeNullOrEmpty
        $incidents | Where-Object { $_.Key -notmatch '^[A-Z]+-\d+$' } | Should -BeNullOrEmpty
        $incidents[0].Created | Should -BeOfType [DateTimeOffset]
        $incidents[0].Raw.fields.summary | Should -Be $incidents[0].Summary
    }

    It 'reads every incident page by page through <Endpoint>' {
        $emulator = $(if ($Instance -eq 'cloud') { $env:JIRA_EMULATOR_URL } else { $env:JIRA_EMULATOR_DC_URL })
        Invoke-RestMethod -Method Delete "$emulator/__emulator/requests"

        $count = (Get-JiraObject -Object incidents -Instance $Instance -ThrottleLimit 1 | Measure-Object).Count

        $count | Should -Be 2000
        $searches = @((Invoke-RestMethod "$emulator/__emulator/requests") | Where-Object path -eq $Endpoint)
        $searches.Count | Should -Be (2000 / 50) -Because 'the default page size is 50'
    }

    It 'reads every incident several requests at once by default on <Instance>, in the same order' {
        $emulator = $(if ($Instance -eq 'cloud') { $env:JIRA_EMULATOR_URL } else { $env:JIRA_EMULATOR_DC_URL })
        $sequential = @(Get-JiraObject -Object incidents -Instance $Instance -ThrottleLimit 1 | ForEach-Object Key)
        Invoke-RestMethod -Method Delete "$emulator/__emulator/requests"

        $parallel = @(Get-JiraObject -Object incidents -Instance $Instance | ForEach-Object Key)

        $parallel.Count | Should -Be 2000
        $parallel -join ',' | Should -Be ($sequential -join ',')
        $log = @(Invoke-RestMethod "$emulator/__emulator/requests")
        foreach ($path in $Parallel.Keys) {
            @($log | Where-Object path -eq $path).Count | Should -Be $Parallel[$path] -Because "of the requests to $path"
        }
    }
}

Describe 'Get-JiraObject projects' {
    It 'lists the seeded projects as typed objects' {
        $projects = @(Get-JiraObject projects -Instance cloud)
        $projects.Count | Should -BeGreaterThan 1
        $projects[0].PSObject.TypeNames[0] | Should -Be 'JiraConnector.Project'
        $projects.Key | Should -Be ($projects.Key | Sort-Object)
    }

    It 'names the valid resources when -Object is unknown' {
        { Get-JiraObject -Object nonsense -ErrorAction Stop } |
            Should -Throw -ErrorId 'UnknownObject,JiraConnector.Cmdlets.GetJiraObjectCommand' -ExpectedMessage '*incidents*projects*'
    }
}
