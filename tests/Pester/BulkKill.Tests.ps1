# A bulk job whose process is killed with SIGKILL mid-job is finished by another process, and every
# row exists exactly once: counted in the emulator, by the job's marker property.
BeforeAll {
    Import-Module $env:JIRACONNECTOR_MODULE -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Connect-EmulatorCloud -Name bulkkill
    # A project of its own, deleted at the end with its issues: other suites count the seeded ones.
    $null = New-JiraObject projects -Instance bulkkill -Fields @{ key = 'KILL'; name = 'Bulk kill test'; projectTypeKey = 'software'; leadAccountId = '712020:00000000-0000-4000-8000-000000000001' }

    $script:savedBulkHome = $env:JIRACONNECTOR_BULK_HOME
    $script:work = Join-Path ([IO.Path]::GetTempPath()) "jc-bulkkill-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    $null = New-Item -ItemType Directory -Path $work
    # Jobs without -JournalPath keep their journal here, not in the user's data folder.
    $env:JIRACONNECTOR_BULK_HOME = Join-Path $work 'journals'
    $script:rows = 1500
    $script:csv = Join-Path $work 'kill.csv'
    $lines = [Collections.Generic.List[string]]::new()
    $lines.Add('project.key,issuetype.name,summary,labels')
    foreach ($row in 1..$rows) { $lines.Add("KILL,Task,kill row $row,bulk;kill") }
    [IO.File]::WriteAllLines($csv, $lines)
    $script:journal = Join-Path $work 'journal'

    function Get-MarkedSummary {
        param([string] $JobId)
        $auth = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('admin@example.com:emu-token-admin'))
        $jql = [uri]::EscapeDataString("issue.property[jiraconnector.bulk].job = `"$JobId`"")
        $summaries = [Collections.Generic.List[string]]::new()
        $startAt = 0
        do {
            $page = Invoke-RestMethod "$env:JIRA_EMULATOR_URL/rest/api/2/search?jql=$jql&fields=summary&maxResults=1000&startAt=$startAt" -Headers @{ Authorization = "Basic $auth" }
            foreach ($issue in $page.issues) { $summaries.Add($issue.fields.summary) }
            $startAt += @($page.issues).Count
        } while (@($page.issues).Count -gt 0 -and $startAt -lt $page.total)
        , $summaries
    }
}

AfterAll {
    Invoke-RestMethod -Method Delete "$env:JIRA_EMULATOR_URL/__emulator/faults" | Out-Null
    Remove-JiraObject projects KILL -Instance bulkkill -Confirm:$false
    Get-JiraInstance -Name bulkkill -ErrorAction SilentlyContinue | Disconnect-JiraInstance -Confirm:$false
    $env:JIRACONNECTOR_BULK_HOME = $savedBulkHome
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'A bulk job killed with SIGKILL' {
    It 'is resumed by a new process with every row created exactly once' {
        # Slow creates down so that the kill lands mid-job.
        $fault = @{ latencyMs = 200; pathContains = '/issue/bulk' } | ConvertTo-Json
        Invoke-RestMethod -Method Post "$env:JIRA_EMULATOR_URL/__emulator/faults" -Body $fault -ContentType 'application/json' | Out-Null

        $child = Join-Path $work 'child.ps1'
        Set-Content $child -Value @'
param($Module, $Url, $Csv, $Journal)
$ErrorActionPreference = 'Stop'
Import-Module $Module
Connect-JiraInstance -Url $Url -Credential ([pscredential]::new('admin@example.com', (ConvertTo-SecureString 'emu-token-admin' -AsPlainText -Force))) -Name child
Start-JiraBulkJob incidents -Path $Csv -JournalPath $Journal -ThrottleLimit 2 | Wait-JiraBulkJob | Out-Null
'@
        $start = [Diagnostics.ProcessStartInfo]::new('dotnet')
        foreach ($argument in @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-File', $child,
                '-Module', $env:JIRACONNECTOR_MODULE, '-Url', $env:JIRA_EMULATOR_URL, '-Csv', $csv, '-Journal', $journal)) {
            $start.ArgumentList.Add($argument)
        }
        $start.UseShellExecute = $false
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $process = [Diagnostics.Process]::Start($start)
        try {
            $journalFile = Join-Path $journal 'journal.jsonl'
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            $done = 0
            while ($done -lt 200) {
                if ($process.HasExited) { throw "The child pwsh ended early: $($process.StandardError.ReadToEnd())" }
                if ([DateTime]::UtcNow -gt $deadline) { throw 'The child job made no progress within 60 s.' }
                Start-Sleep -Milliseconds 50
                if (Test-Path $journalFile) {
                    $done = @(Select-String -Path $journalFile -Pattern '"e":"ok"' -SimpleMatch:$false).Count
                }
            }
            & kill -9 $process.Id
            $process.WaitForExit(10000) | Out-Null
        }
        finally {
            if (-not $process.HasExited) { $process.Kill($true) }
        }
        $process.ExitCode | Should -Be 137 -Because 'SIGKILL ends a process with 128 + 9'
        Invoke-RestMethod -Method Delete "$env:JIRA_EMULATOR_URL/__emulator/faults" | Out-Null

        $dead = Get-JiraBulkJob -JournalPath $journal
        $dead.Status | Should -Be 'ABORTED'
        $dead.RecordsProcessed | Should -BeLessThan $rows
        Get-Content $journalFile | Should -Not -Match '"e":"end"'

        $finished = Resume-JiraBulkJob -JournalPath $journal -Instance bulkkill | Wait-JiraBulkJob -Timeout 300

        $finished.Status | Should -Be 'COMPLETED'
        $finished.JobId | Should -Be $dead.JobId
        $finished.RecordsProcessed | Should -Be $rows
        $finished.RecordsFailedCount | Should -Be 0
        $summaries = Get-MarkedSummary -JobId $dead.JobId
        $summaries.Count | Should -Be $rows
        @($summaries | Sort-Object -Unique).Count | Should -Be $rows
    }
}
