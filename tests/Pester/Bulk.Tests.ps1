# Bulk jobs from the built module: a Data Center upload (REST v2, plain-text rich text, users by
# name), the job's table view and its place among PowerShell jobs.
BeforeAll {
    Import-Module $env:JIRACONNECTOR_MODULE -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Connect-EmulatorDataCenter -Name bulkdc
    # A project of its own, deleted at the end with its issues: other suites count the seeded ones.
    $null = New-JiraObject projects -Instance bulkdc -Fields @{ key = 'BDC'; name = 'Bulk on Data Center'; projectTypeKey = 'software'; lead = 'admin' }
    $script:work = Join-Path ([IO.Path]::GetTempPath()) "jc-bulk-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    $null = New-Item -ItemType Directory -Path $work
}

AfterAll {
    Remove-JiraObject projects BDC -Instance bulkdc -Confirm:$false
    Get-JiraInstance -Name bulkdc -ErrorAction SilentlyContinue | Disconnect-JiraInstance -Confirm:$false
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Start-JiraBulkJob on Data Center' {
    It 'creates incidents with plain-text descriptions, users by name and several labels' {
        $csv = Join-Path $work 'dc.csv'
        Set-Content $csv -Encoding utf8 -Value @(
            'Project,Issue Type,Summary,Description,Assignee,Labels'
            'BDC,Task,dc bulk one,"line one',
            'line two",alice,red;blue'
            'BDC,Bug,dc bulk two,,bob,green'
        )

        $job = Start-JiraBulkJob incidents -Path $csv -Instance bulkdc -JournalPath (Join-Path $work 'journal') | Wait-JiraBulkJob

        $job.Status | Should -Be 'COMPLETED'
        $job.RecordsFailedCount | Should -Be 0
        $created = @(Invoke-JiraQuery -Instance bulkdc -Jql 'project = BDC ORDER BY key')
        $created.Count | Should -Be 2
        $one = $created | Where-Object Summary -eq 'dc bulk one'
        $one.Raw.fields.description | Should -Be "line one`nline two"
        $one.Raw.fields.assignee.name | Should -Be 'alice'
        $one.Raw.fields.labels | Should -Be @('red', 'blue')
    }

    It 'shows as a table of its own and as a PowerShell job' {
        $csv = Join-Path $work 'view.csv'
        Set-Content $csv -Value @('project.key,issuetype.name,summary', 'BDC,Task,dc view')
        $job = Start-JiraBulkJob incidents -Path $csv -Instance bulkdc | Wait-JiraBulkJob

        $table = $job | Format-Table | Out-String -Width 200
        $table | Should -Match 'JobId\s+Status\s+Object\s+Action\s+Records\s+Processed\s+Failed'
        $table | Should -Match ([regex]::Escape($job.JobId) + '\s+COMPLETED\s+incidents\s+Create\s+1\s+1\s+0')
        (Get-Job -Name $job.JobId).JobId | Should -Be $job.JobId
        (Get-Job -Name $job.JobId).PSJobTypeName | Should -Be 'JiraBulkJob'
        (Receive-Job -Name $job.JobId).Status | Should -Be 'COMPLETED'
    }
}
