# One measurement of bench/startup.ps1, in the fresh pwsh it runs in; writes what it measured as JSON.
# Times start once the process runs this script, so pwsh's own start-up is outside every figure.
param(
    [Parameter(Mandatory)] [ValidateSet('Import', 'FirstIncident', 'BareFirstIncident', 'BulkJob', 'RawBulk')] [string] $Mode,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $Url,
    [Parameter(Mandatory)] [string] $OutFile,
    [string] $Csv,
    [string] $Tag,
    [string] $Journal
)
$ErrorActionPreference = 'Stop'
$user = 'admin@example.com'; $secret = 'emu-token-admin'
$credential = [pscredential]::new($user, (ConvertTo-SecureString $secret -AsPlainText -Force))
if ($Mode -eq 'RawBulk') {
    # The sender is compiled and its bodies made before the clock starts: the baseline is the sending.
    . (Join-Path $PSScriptRoot 'BenchTools.ps1')
    Import-BulkBenchType
    $bodies = [BulkBenchInputs]::Bodies(10000, $Tag)
}
$jit = [Runtime.JitInfo]::GetCompilationTime($false); $methods = [Runtime.JitInfo]::GetCompiledMethodCount($false)
$clock = [Diagnostics.Stopwatch]::StartNew()
switch ($Mode) {
    'Import' { Import-Module $ModulePath }
    'FirstIncident' {
        Import-Module $ModulePath
        Connect-JiraInstance -Url $Url -Credential $credential -Name startup | Out-Null
        $incident = Get-JiraObject incidents -First 1
        if (-not $incident.Key) { throw 'no incident came back' }
    }
    'BareFirstIncident' {
        $answer = Invoke-RestMethod "$Url/rest/api/3/search/jql?jql=$([Uri]::EscapeDataString('project IS NOT EMPTY ORDER BY key ASC'))&maxResults=1&fields=*navigable" -Credential $credential -Authentication Basic -AllowUnencryptedAuthentication
        if (-not $answer.issues[0].key) { throw 'no issue came back' }
    }
    'BulkJob' {
        Import-Module $ModulePath
        Connect-JiraInstance -Url $Url -Credential $credential -Name startup | Out-Null
        $jit = [Runtime.JitInfo]::GetCompilationTime($false); $methods = [Runtime.JitInfo]::GetCompiledMethodCount($false)
        $clock.Restart()
        $job = Start-JiraBulkJob incidents -Path $Csv -ThrottleLimit 4 -JournalPath $Journal | Wait-JiraBulkJob -ProgressAction SilentlyContinue
        if ($job.Status -ne 'COMPLETED' -or $job.RecordsFailedCount -ne 0) { throw "the job ended $($job.Status): $($job.Message)" }
    }
    'RawBulk' { $null = [RawBulkSender]::Send($Url, $user, $secret, $bodies, 4) }
}
$seconds = $clock.Elapsed.TotalSeconds
@{ Seconds = $seconds; JitMs = ([Runtime.JitInfo]::GetCompilationTime($false) - $jit).TotalMilliseconds
    Methods = [Runtime.JitInfo]::GetCompiledMethodCount($false) - $methods } | ConvertTo-Json -Compress | Set-Content $OutFile
