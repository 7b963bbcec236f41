<#
.SYNOPSIS
    Cold start: what a fresh pwsh pays before the module's first results. Prints figures; asserts nothing.
.DESCRIPTION
    Every figure is the median of -Runs measurements, each in a fresh pwsh of its own, timed from
    the moment that process runs the probe (bench/lib/StartupProbe.ps1), so pwsh's start-up is in none:
    (a) Import-Module;
    (b) time to the first incident: Import-Module, Connect-JiraInstance, Get-JiraObject incidents -First 1,
        beside a bare Invoke-RestMethod of the same one search in its own fresh pwsh (target <= 1.1 times it);
    (c) a first 10,000-row Start-JiraBulkJob at -ThrottleLimit 4 (after import and connect), as a ratio to
        the raw issue/bulk sender posting the same rows, 4 requests in flight, in its own fresh pwsh
        (target >= 0.8). Also printed: the milliseconds the first job spent compiling.
.EXAMPLE
    dotnet pwsh ./bench/startup.ps1
#>
param([string] $Configuration = 'Release', [ValidateRange(1, 100)] [int] $Runs = 5, [switch] $ShowRuns)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'lib/BenchTools.ps1')
Import-BulkBenchType
$module = Get-ModuleManifestPath -Root $root
$probe = Join-Path $PSScriptRoot 'lib/StartupProbe.ps1'
$work = Join-Path ([IO.Path]::GetTempPath()) "jc-bench-startup-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
$null = New-Item -ItemType Directory -Path $work

$emulator = Start-JiraEmulator -Root $root -Configuration $Configuration -Deployment Cloud -Issues 1000
try {
    function Measure-Fresh {
        param([string] $Mode, [string[]] $Extra = @())
        $file = Join-Path $work "$Mode-$([guid]::NewGuid().ToString('N')).json"
        $exit = Invoke-Pwsh (@('-NoProfile', '-NonInteractive', '-File', $probe, '-Mode', $Mode, '-ModulePath', $module, '-Url', $emulator.Url, '-OutFile', $file) + $Extra)
        if ($exit -ne 0) { throw "the $Mode probe failed (exit code $exit)" }
        $result = Get-Content -Raw $file | ConvertFrom-Json
        if ($ShowRuns) { Write-Host ("    {0}: {1:N3} s, {2:N0} ms compiling" -f $Mode, $result.Seconds, $result.JitMs) }
        $result
    }

    $import = @(); $first = @(); $bare = @(); $bulk = @(); $bulkJit = @(); $raw = @()
    foreach ($run in 1..$Runs) {
        # Interleaved, so that a slower stretch of the shared machine hits every figure alike.
        $import += (Measure-Fresh Import).Seconds
        $first += (Measure-Fresh FirstIncident).Seconds
        $bare += (Measure-Fresh BareFirstIncident).Seconds
        $csv = Join-Path $work "run$run.csv"
        [BulkBenchInputs]::WriteCsv($csv, 10000, "startup$run")
        $job = Measure-Fresh BulkJob @('-Csv', $csv, '-Journal', (Join-Path $work "journal$run"))
        $bulk += $job.Seconds; $bulkJit += $job.JitMs
        $raw += (Measure-Fresh RawBulk @('-Tag', "startupraw$run")).Seconds
    }
    $firstMedian = Get-Median $first; $bareMedian = Get-Median $bare
    $bulkMedian = Get-Median $bulk; $rawMedian = Get-Median $raw
    "    load average while measuring: $((Get-Content /proc/loadavg -ErrorAction SilentlyContinue) -split ' ' | Select-Object -First 3)" | Write-Host
    "(a) Import-Module in a fresh pwsh: {0:N0} ms (median of {1})" -f ((Get-Median $import) * 1000), $Runs
    "(b) time to the first incident: module {0:N0} ms (import, connect, Get-JiraObject incidents -First 1), bare Invoke-RestMethod {1:N0} ms; ratio {2:N2} (target <= 1.1)" -f `
        ($firstMedian * 1000), ($bareMedian * 1000), ($firstMedian / $bareMedian)
    "(c) first 10,000-row bulk job in a fresh pwsh: {0:N0} rows/s ({1:N0} ms of it compiling), raw issue/bulk in a fresh pwsh {2:N0} rows/s; ratio {3:N2} (target >= 0.8)" -f `
        (10000 / $bulkMedian), (Get-Median $bulkJit), (10000 / $rawMedian), ($rawMedian / $bulkMedian)
}
finally {
    Stop-JiraEmulator $emulator
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}
