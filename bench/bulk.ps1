<#
.SYNOPSIS
    Bulk upload throughput and memory, against the emulator. Prints figures; asserts nothing.
.DESCRIPTION
    (a) a 10,000-row CSV uploaded by Start-JiraBulkJob -ThrottleLimit 4, as a ratio to the emulator's
        raw issue/bulk throughput at the same concurrency: a plain HttpClient posting the same rows,
        50 a request, 4 requests in flight, bodies prepared in advance (target >= 0.8);
    (b) peak working set of a pwsh that uploads 100,000 rows minus one that uploads 10,000 (target < 64 MB).
    (a) is the median of -Runs runs (short runs on a shared 2-core machine vary a lot), (b) of -MemoryRuns.
    Each run times the module and then the raw sender, back to back, and the ratio printed is the
    median of the runs' own ratios: a machine that is slower for a few seconds slows both halves of
    a run, where the ratio of two separate medians could pair a fast run with a slow one.

    A fresh pwsh spends its first minutes compiling: tiered compilation re-JITs PowerShell's own code
    in the background, on one of the two cores, in bursts of up to 200 ms that land on whichever
    part is running (a 10,000-row run lasts 0.1 to 0.3 s). So (a) first warms both parts up until
    two rounds in a row compile less than -QuietJitMs, and a timed part that the JIT still hits
    is measured again (at most three times). The script prints how many rounds and repeats it took.
.EXAMPLE
    dotnet pwsh ./bench/bulk.ps1
#>
param([string] $Configuration = 'Release', [ValidateRange(1, 1000)] [int] $Runs = 15, [ValidateRange(1, 100)] [int] $MemoryRuns = 3, [ValidateRange(1, 64)] [int] $Concurrency = 4,
    [int] $MaxWarmupRounds = 30, [double] $QuietJitMs = 5, [switch] $ShowRuns)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'lib/BenchTools.ps1')
$module = Get-ModuleManifestPath -Root $root
Import-BulkBenchType

$work = Join-Path ([IO.Path]::GetTempPath()) "jc-bench-bulk-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
$null = New-Item -ItemType Directory -Path $work

function New-BenchCsv {
    param([int] $Rows, [string] $Tag)
    $path = Join-Path $work "$Tag.csv"
    [BulkBenchInputs]::WriteCsv($path, $Rows, $Tag)
    $path
}

$emulator = Start-JiraEmulator -Root $root -Configuration $Configuration -Deployment Cloud -Issues 1000
try {
    Import-Module $module -Force
    $credential = [pscredential]::new('admin@example.com', (ConvertTo-SecureString 'emu-token-admin' -AsPlainText -Force))
    Connect-JiraInstance -Url $emulator.Url -Credential $credential -Name bench

    function Measure-ModuleUpload {
        param([string] $Path)
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $job = Start-JiraBulkJob incidents -Path $Path -ThrottleLimit $Concurrency -JournalPath (Join-Path $work "journal-$([guid]::NewGuid().ToString('N'))") |
            Wait-JiraBulkJob -ProgressAction SilentlyContinue
        $seconds = $clock.Elapsed.TotalSeconds
        if ($job.Status -ne 'COMPLETED' -or $job.RecordsFailedCount -ne 0) { throw "the job ended $($job.Status): $($job.Message)" }
        $seconds
    }

    function Measure-RawUpload {
        param($Bodies)
        [RawBulkSender]::Send($emulator.Url, 'admin@example.com', 'emu-token-admin', $Bodies, $Concurrency)
    }

    # Seconds of one part, and the milliseconds this process spent compiling meanwhile. A gen1
    # collection first, so that neither part pays for the other's garbage. Not a full blocking one:
    # with it before every part the module's runs came out slower (ratio 0.75 to 0.82 over three
    # invocations, against 0.86 to 0.95 over five with gen1), and a session running jobs one after
    # another never forces one.
    function Measure-Part {
        param([scriptblock] $Part)
        [GC]::Collect(1)
        $jit = [Runtime.JitInfo]::GetCompilationTime($false)
        $allocated = [GC]::GetTotalAllocatedBytes($true)
        $workItems = [Threading.ThreadPool]::CompletedWorkItemCount
        $seconds = & $Part
        [pscustomobject]@{
            Seconds = $seconds
            JitMs = ([Runtime.JitInfo]::GetCompilationTime($false) - $jit).TotalMilliseconds
            BytesPerRow = ([GC]::GetTotalAllocatedBytes($true) - $allocated) / 10000
            WorkItemsPerBatch = ([Threading.ThreadPool]::CompletedWorkItemCount - $workItems) / 200
        }
    }

    # Each round's inputs, made before its timed parts: the module reads a CSV file, the raw
    # sender prepared bodies of the same rows.
    $script:round = 0
    function New-RoundInput {
        $script:round++
        [pscustomobject]@{ Csv = New-BenchCsv -Rows 10000 -Tag "run$script:round"; Bodies = [BulkBenchInputs]::Bodies(10000, "raw$script:round") }
    }

    # Warm-up: until two rounds in a row compile (almost) nothing.
    $warmup = 0; $quietInARow = 0
    while ($quietInARow -lt 2 -and $warmup -lt $MaxWarmupRounds) {
        $pair = New-RoundInput; $warmup++
        $moduleRun = Measure-Part { Measure-ModuleUpload -Path $pair.Csv }
        $rawRun = Measure-Part { Measure-RawUpload -Bodies $pair.Bodies }
        $quietInARow = if ($moduleRun.JitMs -lt $QuietJitMs -and $rawRun.JitMs -lt $QuietJitMs) { $quietInARow + 1 } else { 0 }
        if ($warmup -eq 1) {
            "    first round, in this fresh pwsh: Start-JiraBulkJob {0:N0} rows/s ({1:N0} ms of it compiling), raw issue/bulk {2:N0} rows/s, ratio {3:N2}" -f `
                (10000 / $moduleRun.Seconds), $moduleRun.JitMs, (10000 / $rawRun.Seconds), ($rawRun.Seconds / $moduleRun.Seconds) | Write-Host
        }
    }

    # Timed runs, alternated so that machine noise and the emulator's growing store hit both alike.
    $moduleRates = @(); $rawRates = @(); $pairRatios = @(); $moduleBytes = @(); $rawBytes = @(); $moduleItems = @(); $rawItems = @(); $repeats = 0; $stillHit = 0
    foreach ($run in 1..$Runs) {
        foreach ($attempt in 1..3) {
            $pair = New-RoundInput
            $moduleRun = Measure-Part { Measure-ModuleUpload -Path $pair.Csv }
            $rawRun = Measure-Part { Measure-RawUpload -Bodies $pair.Bodies }
            if (($moduleRun.JitMs -lt $QuietJitMs -and $rawRun.JitMs -lt $QuietJitMs) -or $attempt -eq 3) { break }
            $repeats++
        }
        if ($moduleRun.JitMs -ge $QuietJitMs -or $rawRun.JitMs -ge $QuietJitMs) { $stillHit++ }
        $moduleRates += 10000 / $moduleRun.Seconds
        $rawRates += 10000 / $rawRun.Seconds
        $pairRatios += $rawRun.Seconds / $moduleRun.Seconds
        $moduleBytes += $moduleRun.BytesPerRow
        $rawBytes += $rawRun.BytesPerRow
        $moduleItems += $moduleRun.WorkItemsPerBatch
        $rawItems += $rawRun.WorkItemsPerBatch
        if ($ShowRuns) { Write-Host ("    run {0}: module {1:N3} s (JIT {2:N0} ms), raw {3:N3} s (JIT {4:N0} ms)" -f $run, $moduleRun.Seconds, $moduleRun.JitMs, $rawRun.Seconds, $rawRun.JitMs) }
    }
    $moduleRate = Get-Median $moduleRates
    $rawRate = Get-Median $rawRates
    "    allocated in this process per row: Start-JiraBulkJob {0:N0} bytes, raw issue/bulk {1:N0} bytes (its bodies are made beforehand)" -f (Get-Median $moduleBytes), (Get-Median $rawBytes) | Write-Host
    "    thread-pool work items per request of 50 rows: Start-JiraBulkJob {0:N1}, raw issue/bulk {1:N1}" -f (Get-Median $moduleItems), (Get-Median $rawItems) | Write-Host
    "    warm-up: {0} rounds; {1} timed runs, {2} measured again because the JIT hit them, {3} still hit after three tries" -f $warmup, $Runs, $repeats, $stillHit | Write-Host
    "(a) 10,000 rows at concurrency {0}: Start-JiraBulkJob {1:N0} rows/s, raw issue/bulk {2:N0} rows/s (medians); ratio {3:N2} (target >= 0.8)" -f `
        $Concurrency, $moduleRate, $rawRate, (Get-Median $pairRatios)
    Disconnect-JiraInstance -Name bench -Confirm:$false

    # (b) memory: one fresh process per run and size, so each peak is its own.
    $probe = Join-Path $PSScriptRoot 'lib/BulkPeakWorkingSet.ps1'
    $small = New-BenchCsv -Rows 10000 -Tag mem10k
    $large = New-BenchCsv -Rows 100000 -Tag mem100k
    $differences = foreach ($run in 1..$MemoryRuns) {
        $peaks = foreach ($path in $small, $large) {
            $file = New-TemporaryFile
            $exit = Invoke-Pwsh @('-NoProfile', '-File', $probe, '-ModulePath', $module, '-Url', $emulator.Url, '-Path', $path,
                '-Journal', (Join-Path $work "journal-mem-$([guid]::NewGuid().ToString('N'))"), '-OutFile', $file.FullName)
            if ($exit -ne 0) { throw "the memory probe failed (exit code $exit)" }
            [long] (Get-Content $file.FullName)
            Remove-Item $file
        }
        "    run {0}: {1:N0} MB for 10,000 rows, {2:N0} MB for 100,000 rows" -f $run, ($peaks[0] / 1MB), ($peaks[1] / 1MB) | Write-Host
        ($peaks[1] - $peaks[0]) / 1MB
    }
    "(b) peak working set, 100,000 rows minus 10,000 rows: median {0:N1} MB (target < 64 MB)" -f (Get-Median $differences)
}
finally {
    Stop-JiraEmulator $emulator
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}
