# Reads -First incidents in this fresh process and writes its peak working set (bytes) to -OutFile.
param([string] $ModulePath, [string] $Url, [int] $First, [string] $OutFile)
$ErrorActionPreference = 'Stop'
Import-Module $ModulePath
$credential = [pscredential]::new('admin@example.com', (ConvertTo-SecureString 'emu-token-admin' -AsPlainText -Force))
Connect-JiraInstance -Url $Url -Credential $credential
$command = if (Get-Command Invoke-JiraQuery -ErrorAction SilentlyContinue) { 'Invoke-JiraQuery' } else { 'Get-JiraObject' }
$count = (& $command -Object incidents -First $First | Measure-Object).Count
if ($count -ne $First) { throw "read $count incidents, expected $First" }
[Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64 | Set-Content $OutFile
