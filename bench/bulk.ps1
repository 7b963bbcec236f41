<#
.SYNOPSIS
    Bulk upload throughput and memory, against the emulator. Prints figures; asserts nothing.
.DESCRIPTION
    (a) a 10,000-row CSV uploaded by Start-JiraBulkJob -ThrottleLimit 4, as a ratio to the emulator's
        raw issue/bulk throughput at the same concurrency: a plain HttpClient posting the same rows,
        50 a request, 4 requests in flight, bodies prepared in advance (target >= 0.8);
    (b) peak working set of a pwsh that uploads 100,000 rows minus one that uploads 10,000 (target < 64 MB).
    (a) is the median of -Runs runs (short runs on a shared 2-core machine vary a lot), (b) of -MemoryRuns.
.EXAMPLE
    dotnet pwsh ./bench/bulk.ps1
#>
param([string] $Configuration = 'Release', [int] $Runs = 7, [int] $MemoryRuns = 3, [int] $Concurrency = 4)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'lib/BenchTools.ps1')
$module = Get-ModuleManifestPath -Root $root
Add-Type -Path (Join-Path $PSScriptRoot 'lib/RawBulkSender.cs') -ReferencedAssemblies System.Net.Http, System.Net.Primitives, System.Linq, System.Collections, System.Threading, System.Threading.Thread

$work = Join-Path ([IO.Path]::GetTempPath()) "jc-bench-bulk-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
$null = New-Item -ItemType Directory -Path $work

function New-BenchCsv {
    param([int] $Rows, [string] $Tag)
    $path = Join-Path $work "$Tag.csv"
    $writer = [IO.StreamWriter]::new($path)
    $writer.WriteLine('project.key,issuetype.name,summary,priority.name,labels')
    foreach ($row in 1..$Rows) { $writer.WriteLine("OPS,Task,$Tag row $row,High,bench;l$($row % 7)") }
    $writer.Dispose()
    $path
}

# The same rows as the module sends them: fields, and the marker property every created issue carries.
function New-RawBodies {
    param([int] $Rows, [string] $Tag)
    $bodies = [Collections.Generic.List[string]]::new()
    for ($start = 1; $start -le $Rows; $start += 50) {
        $elements = foreach ($row in $start..([math]::Min($Rows, $start + 49))) {
            '{"fields":{"project":{"key":"OPS"},"issuetype":{"name":"Task"},"summary":"' + "$Tag row $row" + '","priority":{"name":"High"},"labels":["bench","l' + ($row % 7) + '"]},' +
            '"properties":[{"key":"jiraconnector.bulk","value":{"job":"' + $Tag + '","row":' + $row + '}}]}'
        }
        $bodies.Add('{"issueUpdates":[' + ($elements -join ',') + ']}')
    }
    , $bodies
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

    # Warm up both paths (JIT, connection pool, the emulator's first creates).
    $null = Measure-ModuleUpload -Path (New-BenchCsv -Rows 10000 -Tag warm)
    $null = [RawBulkSender]::Send($emulator.Url, 'admin@example.com', 'emu-token-admin', (New-RawBodies -Rows 1000 -Tag rawwarm), $Concurrency)

    # (a) inputs made first, a full GC before each timed part (so neither pays for the other's
    # garbage), and the two alternated so that machine noise and the emulator's growing store
    # hit both alike.
    $inputs = foreach ($run in 1..$Runs) { [pscustomobject]@{ Csv = New-BenchCsv -Rows 10000 -Tag "module$run"; Bodies = New-RawBodies -Rows 10000 -Tag "raw$run" } }
    $moduleRates = @(); $rawRates = @()
    foreach ($input in $inputs) {
        [GC]::Collect(); [GC]::WaitForPendingFinalizers()
        $moduleRates += 10000 / (Measure-ModuleUpload -Path $input.Csv)
        [GC]::Collect(); [GC]::WaitForPendingFinalizers()
        $rawRates += 10000 / [RawBulkSender]::Send($emulator.Url, 'admin@example.com', 'emu-token-admin', $input.Bodies, $Concurrency)
    }
    $moduleRate = Get-Median $moduleRates
    $rawRate = Get-Median $rawRates
    "(a) 10,000 rows at concurrency {0}: Start-JiraBulkJob {1:N0} rows/s, raw issue/bulk {2:N0} rows/s, ratio {3:N2} (target >= 0.8)" -f `
        $Concurrency, $moduleRate, $rawRate, ($moduleRate / $rawRate)
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
