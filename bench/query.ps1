<#
.SYNOPSIS
    Query throughput, parallel reads under latency, and memory, against the emulator. Prints figures; asserts nothing.
.DESCRIPTION
    (a) reading 20,000 incidents through the module (its default read: -ThrottleLimit 4, and one page
        at a time: -ThrottleLimit 1), as a ratio to a plain HttpClient loop that fetches and discards
        the pages of a sequential read, 50 a page (target >= 0.8), with the machine's load average;
    (b) with 50 ms latency injected per request: wall time as a ratio to pages x 50 ms at the
        sequential page size (50): one page at a time (-ThrottleLimit 1, 5,000 incidents; target <= 1.2),
        and reading 20,000 at the default concurrency (target <= 0.3) and at 8 (target <= 0.2);
    (c) the same for a download job of the 20,000 (Start-JiraBulkJob -Jql ... -OutFile, whose sequential
        page is 100), at its default concurrency and at 8;
    (d) peak working set of a pwsh that reads 100,000 incidents minus one that reads 1,000 (target < 64 MB).
    Each timing is the median of -Runs runs (three under latency).
.EXAMPLE
    dotnet pwsh ./bench/query.ps1
#>
param([string] $Configuration = 'Release', [int] $Runs = 5)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'lib/BenchTools.ps1')
$module = Get-ModuleManifestPath -Root $root

function Measure-ModuleRead {
    param([int] $First, [int] $ThrottleLimit = 4)
    $clock = [Diagnostics.Stopwatch]::StartNew()
    # Measure-Object counts as items stream by; foreach over a command would collect them all first.
    $count = if ($First) {
        (Invoke-JiraQuery -Object incidents -First $First -ThrottleLimit $ThrottleLimit | Measure-Object).Count
    } else {
        (Invoke-JiraQuery -Object incidents -ThrottleLimit $ThrottleLimit | Measure-Object).Count
    }
    [pscustomobject]@{ Issues = $count; Seconds = $clock.Elapsed.TotalSeconds }
}

function Measure-Download {
    param([int] $ThrottleLimit = 4)
    $file = Join-Path ([IO.Path]::GetTempPath()) "jc-bench-download-$PID.csv"
    $journal = Join-Path ([IO.Path]::GetTempPath()) "jc-bench-journal-$PID-$([guid]::NewGuid().ToString('N'))"
    try {
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $job = Start-JiraBulkJob incidents -Jql 'project IS NOT EMPTY ORDER BY key ASC' -OutFile $file -ThrottleLimit $ThrottleLimit -JournalPath $journal | Wait-JiraBulkJob -Timeout 600
        $seconds = $clock.Elapsed.TotalSeconds
        if ($job.Status -ne 'COMPLETED') { throw "the download ended $($job.Status)" }
        [pscustomobject]@{ Issues = $job.RecordsCount; Seconds = $seconds }
    }
    finally { Remove-Item $file, $journal -Recurse -Force -ErrorAction SilentlyContinue }
}

Import-Module $module -Force
$credential = [pscredential]::new('admin@example.com', (ConvertTo-SecureString 'emu-token-admin' -AsPlainText -Force))

$emulator = Start-JiraEmulator -Root $root -Configuration $Configuration -Deployment Cloud -Issues 20000
try {
    Connect-JiraInstance -Url $emulator.Url -Credential $credential -Name bench
    # Warm up both paths end to end (JIT, connection pool, the emulator's caches) before measuring.
    $null = Measure-ModuleRead; $null = Measure-RawSearchJql -Url $emulator.Url; $null = Measure-Download

    # (a) alternate the three so that machine noise hits them alike.
    $module = @(); $sequential = @(); $raw = @()
    foreach ($run in 1..$Runs) {
        $module += Measure-ModuleRead
        $raw += Measure-RawSearchJql -Url $emulator.Url
        $sequential += Measure-ModuleRead -ThrottleLimit 1
    }
    $rawRate = Get-Median ($raw | ForEach-Object { $_.Issues / $_.Seconds })
    foreach ($read in @(@{ Name = 'module (default, -ThrottleLimit 4)'; Runs = $module }, @{ Name = 'module -ThrottleLimit 1'; Runs = $sequential })) {
        $rate = Get-Median ($read.Runs | ForEach-Object { $_.Issues / $_.Seconds })
        # Each module run is paired with the raw run next to it, so a noisy moment spoils one pair only.
        $ratios = 0..($Runs - 1) | ForEach-Object { $raw[$_].Seconds / $read.Runs[$_].Seconds }
        "(a) throughput over {0} incidents: {1} {2:N0}/s, plain HttpClient {3:N0}/s (medians of {4}); median of paired ratios {5:N2} (target >= 0.8)" -f `
            $read.Runs[0].Issues, $read.Name, $rate, $rawRate, $Runs, (Get-Median $ratios)
    }
    # Other work on the machine weighs on the module (which parses) more than on the raw loop (which does not).
    if (Test-Path /proc/loadavg) { "(a) load average while measuring: {0}" -f (((Get-Content /proc/loadavg) -split ' ' | Select-Object -First 3) -join ' ') }

    # (b) 50 ms per request. One page at a time, prefetch hides the pipeline's own work behind the wait;
    # in parallel the wait itself is shared out.
    Set-EmulatorLatency -Url $emulator.Url -Milliseconds 50
    $sequential = Get-Median (1..3 | ForEach-Object { (Measure-ModuleRead -First 5000 -ThrottleLimit 1).Seconds })
    "(b) 5,000 incidents with 50 ms latency, -ThrottleLimit 1: median {0:N2} s for {1} pages, ratio to pages x 50 ms {2:N2} (target <= 1.2)" -f `
        $sequential, 100, ($sequential / (100 * 0.050))
    $pages = [math]::Ceiling(20000 / 50)
    foreach ($limit in @(@{ N = 4; Target = 0.3 }, @{ N = 8; Target = 0.2 })) {
        $times = 1..3 | ForEach-Object { Measure-ModuleRead -ThrottleLimit $limit.N }
        $median = Get-Median ($times | ForEach-Object Seconds)
        "(b) {0:N0} incidents with 50 ms latency, -ThrottleLimit {1}{2}: median {3:N2} s, ratio to {4} pages x 50 ms {5:N3} (target <= {6})" -f `
            $times[0].Issues, $limit.N, $(if ($limit.N -eq 4) { ' (the default)' } else { '' }), $median, $pages, ($median / ($pages * 0.050)), $limit.Target
    }
    # (c) a download job: its sequential read pages 100 at a time.
    $downloadPages = [math]::Ceiling(20000 / 100)
    foreach ($limit in @(@{ N = 4; Target = 0.3 }, @{ N = 8; Target = 0.2 })) {
        $times = 1..3 | ForEach-Object { Measure-Download -ThrottleLimit $limit.N }
        $median = Get-Median ($times | ForEach-Object Seconds)
        "(c) download job of {0:N0} incidents with 50 ms latency, -ThrottleLimit {1}{2}: median {3:N2} s, ratio to {4} pages x 50 ms {5:N3} (target <= {6})" -f `
            $times[0].Issues, $limit.N, $(if ($limit.N -eq 4) { ' (the default)' } else { '' }), $median, $downloadPages, ($median / ($downloadPages * 0.050)), $limit.Target
    }
    Set-EmulatorLatency -Url $emulator.Url -Milliseconds 0
}
finally {
    Disconnect-JiraInstance -Name bench -Confirm:$false -ErrorAction SilentlyContinue
    Stop-JiraEmulator $emulator
}

# (d) memory: one fresh process per size, so each peak is its own.
$big = Start-JiraEmulator -Root $root -Configuration $Configuration -Deployment Cloud -Issues 100000
try {
    $probe = Join-Path $PSScriptRoot 'lib/PeakWorkingSet.ps1'
    $peaks = foreach ($count in 1000, 100000) {
        $file = New-TemporaryFile
        $null = Invoke-Pwsh @('-NoProfile', '-File', $probe, '-ModulePath', (Get-ModuleManifestPath -Root $root), '-Url', $big.Url, '-First', $count, '-OutFile', $file.FullName)
        [long] (Get-Content $file.FullName)
        Remove-Item $file
    }
    "(d) peak working set: {0:N0} MB reading 1,000, {1:N0} MB reading 100,000, difference {2:N1} MB (target < 64 MB)" -f `
        ($peaks[0] / 1MB), ($peaks[1] / 1MB), (($peaks[1] - $peaks[0]) / 1MB)
}
finally {
    Stop-JiraEmulator $big
}
