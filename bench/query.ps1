<#
.SYNOPSIS
    Query throughput, latency hiding and memory, against the emulator. Prints figures; asserts nothing.
.DESCRIPTION
    (a) reading 20,000 incidents through the module, as a ratio to a plain HttpClient loop that
        fetches and discards the same pages (target >= 0.8);
    (b) with 50 ms latency injected per request: wall time as a ratio to pages x 50 ms (target <= 1.2);
    (c) peak working set of a pwsh that reads 100,000 incidents minus one that reads 1,000 (target < 64 MB).
    Each timing is the median of -Runs runs.
.EXAMPLE
    dotnet pwsh ./bench/query.ps1
#>
param([string] $Configuration = 'Release', [int] $Runs = 5)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'lib/BenchTools.ps1')
$module = Get-ModuleManifestPath -Root $root

# The command under test; Invoke-JiraQuery and Get-JiraObject share the same paging path.
$read = if (Get-Command Invoke-JiraQuery -Module JiraConnector -ErrorAction SilentlyContinue) {
    { param($first) if ($first) { Invoke-JiraQuery -Object incidents -First $first } else { Invoke-JiraQuery -Object incidents } }
} else {
    { param($first) if ($first) { Get-JiraObject incidents -First $first } else { Get-JiraObject incidents } }
}

function Measure-ModuleRead {
    param([int] $First)
    $clock = [Diagnostics.Stopwatch]::StartNew()
    # Measure-Object counts as items stream by; foreach over a command would collect them all first.
    $count = (& $read $First | Measure-Object).Count
    [pscustomobject]@{ Issues = $count; Seconds = $clock.Elapsed.TotalSeconds }
}

Import-Module $module -Force
if (Get-Command Invoke-JiraQuery -ErrorAction SilentlyContinue) {
    $read = { param($first) if ($first) { Invoke-JiraQuery -Object incidents -First $first } else { Invoke-JiraQuery -Object incidents } }
}
$credential = [pscredential]::new('admin@example.com', (ConvertTo-SecureString 'emu-token-admin' -AsPlainText -Force))

$emulator = Start-JiraEmulator -Root $root -Configuration $Configuration -Deployment Cloud -Issues 20000
try {
    Connect-JiraInstance -Url $emulator.Url -Credential $credential -Name bench
    # Warm up both paths end to end (JIT, connection pool, the emulator's caches) before measuring.
    $null = Measure-ModuleRead; $null = Measure-RawSearchJql -Url $emulator.Url

    # (a) alternate the two so that machine noise hits both alike.
    $module = @(); $raw = @()
    foreach ($run in 1..$Runs) {
        $module += Measure-ModuleRead
        $raw += Measure-RawSearchJql -Url $emulator.Url
    }
    $moduleRate = Get-Median ($module | ForEach-Object { $_.Issues / $_.Seconds })
    $rawRate = Get-Median ($raw | ForEach-Object { $_.Issues / $_.Seconds })
    # Each module run is paired with the raw run next to it, so a noisy moment spoils one pair only.
    $ratios = 0..($Runs - 1) | ForEach-Object { $raw[$_].Seconds / $module[$_].Seconds }
    "(a) throughput over {0} incidents: module {1:N0}/s, plain HttpClient {2:N0}/s (medians of {3}); median of paired ratios {4:N2} (target >= 0.8)" -f `
        $module[0].Issues, $moduleRate, $rawRate, $Runs, (Get-Median $ratios)

    # (b) 50 ms per request: with prefetch the pipeline's own work hides behind the wait.
    Set-EmulatorLatency -Url $emulator.Url -Milliseconds 50
    $latency = 1..3 | ForEach-Object { Measure-ModuleRead -First 5000 }
    $pages = [math]::Ceiling(5000 / 50)
    $ratio = (Get-Median ($latency | ForEach-Object Seconds)) / ($pages * 0.050)
    "(b) 5,000 incidents with 50 ms latency: median {0:N2} s for {1} pages, ratio to pages x 50 ms {2:N2} (target <= 1.2)" -f `
        (Get-Median ($latency | ForEach-Object Seconds)), $pages, $ratio
    Set-EmulatorLatency -Url $emulator.Url -Milliseconds 0
}
finally {
    Disconnect-JiraInstance -Name bench -Confirm:$false -ErrorAction SilentlyContinue
    Stop-JiraEmulator $emulator
}

# (c) memory: one fresh process per size, so each peak is its own.
$big = Start-JiraEmulator -Root $root -Configuration $Configuration -Deployment Cloud -Issues 100000
try {
    $probe = Join-Path $PSScriptRoot 'lib/PeakWorkingSet.ps1'
    $peaks = foreach ($count in 1000, 100000) {
        $file = New-TemporaryFile
        $null = Invoke-Pwsh @('-NoProfile', '-File', $probe, '-ModulePath', (Get-ModuleManifestPath -Root $root), '-Url', $big.Url, '-First', $count, '-OutFile', $file.FullName)
        [long] (Get-Content $file.FullName)
        Remove-Item $file
    }
    "(c) peak working set: {0:N0} MB reading 1,000, {1:N0} MB reading 100,000, difference {2:N1} MB (target < 64 MB)" -f `
        ($peaks[0] / 1MB), ($peaks[1] / 1MB), (($peaks[1] - $peaks[0]) / 1MB)
}
finally {
    Stop-JiraEmulator $big
}
