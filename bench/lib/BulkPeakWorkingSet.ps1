# Uploads -Path as a bulk job in this fresh process and writes its peak working set (bytes) to -OutFile.
param([string] $ModulePath, [string] $Url, [string] $Path, [string] $Journal, [string] $OutFile)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
$credential = [pscredential]::new('admin@example.com', (ConvertTo-SecureString 'emu-token-admin' -AsPlainText -Force))
Connect-JiraInstance -Url $Url -Credential $credential
$job = Start-JiraBulkJob incidents -Path $Path -JournalPath $Journal -ThrottleLimit 4 | Wait-JiraBulkJob -ProgressAction SilentlyContinue
if ($job.Status -ne 'COMPLETED' -or $job.RecordsFailedCount -ne 0) { throw "the job ended $($job.Status) with $($job.RecordsFailedCount) failed: $($job.Message)" }
[Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 | Set-Content $OutFile
