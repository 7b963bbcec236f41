<#
.SYNOPSIS
    The main job, end to end against a Jira (the loopback emulator when run by build.ps1 -Task Demo).
#>
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Url,
    [string] $User = 'admin@example.com',
    [string] $ApiToken = 'emu-token-admin'
)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

$credential = [pscredential]::new($User, (ConvertTo-SecureString $ApiToken -AsPlainText -Force))
Connect-JiraInstance -Url $Url -Credential $credential -Name demo
Get-JiraInstance | Format-Table | Out-String -Width 160 | Write-Host

Write-Host 'Projects:'
Get-JiraObject projects | Format-Table | Out-String -Width 160 | Write-Host

Write-Host 'The first five incidents:'
Get-JiraObject incidents -First 5 | Format-Table | Out-String -Width 160 | Write-Host

Write-Host 'An OCNQL query, and the JQL it becomes:'
$where = "status != 'Done' AND priority IN ('High', 'Highest') AND summary LIKE '%a%'"
ConvertTo-JiraJql $where | Format-List | Out-String -Width 160 | Write-Host
Invoke-JiraQuery incidents $where -OrderBy 'updated desc' -First 5 | Format-Table | Out-String -Width 160 | Write-Host

$clock = [Diagnostics.Stopwatch]::StartNew()
$count = (Get-JiraObject incidents | Measure-Object).Count
Write-Host ("Read {0} incidents in {1:0.00} s." -f $count, $clock.Elapsed.TotalSeconds)

Write-Host 'A bulk job: download the open OPS incidents, then upload them again as new incidents.'
$work = Join-Path ([IO.Path]::GetTempPath()) "jiraconnector-demo-$PID"
New-Item -ItemType Directory -Path $work -Force | Out-Null
try {
    $download = Start-JiraBulkJob -Query "select project.key, issuetype.name, summary, labels from incidents where project = 'OPS' AND status != 'Done' limit 200" `
        -OutFile (Join-Path $work 'ops.csv') -JournalPath (Join-Path $work 'download-journal')
    $download = $download | Wait-JiraBulkJob
    Write-Host ("Download {0}: {1} rows to ops.csv" -f $download.Status, $download.RecordsProcessed)

    $upload = Start-JiraBulkJob incidents -Path (Join-Path $work 'ops.csv') -JournalPath (Join-Path $work 'upload-journal')
    $upload = $upload | Wait-JiraBulkJob
    $upload | Format-List Id, ObjectName, Action, Status, RecordsCount, RecordsProcessed, RecordsFailedCount, StartTime, EndTime |
        Out-String -Width 160 | Write-Host
}
finally {
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Disconnect-JiraInstance -Name demo -Confirm:$false
