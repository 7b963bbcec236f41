<#
.SYNOPSIS
    The emulator's raw paging throughput: a plain HttpClient loop through 20,000 issues of
    search/jql, so that client figures can be compared with it. Prints a median of 5 runs.
.EXAMPLE
    dotnet pwsh ./bench/emulator.ps1
#>
param([string] $Configuration = 'Release', [int] $Issues = 20000, [int] $Runs = 5)
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'lib/BenchTools.ps1')

$emulator = Start-JiraEmulator -Root $root -Configuration $Configuration -Deployment Cloud -Issues $Issues
try {
    $null = Measure-RawSearchJql -Url $emulator.Url -Limit 1000   # warm up both sides
    $results = 1..$Runs | ForEach-Object { Measure-RawSearchJql -Url $emulator.Url }
    $rates = $results | ForEach-Object { $_.Issues / $_.Seconds }
    "emulator raw paging: {0} issues in {1} pages of 50; median {2:N0} issues/s over {3} runs (min {4:N0}, max {5:N0})" -f `
        $results[0].Issues, $results[0].Pages, (Get-Median $rates), $Runs, ($rates | Measure-Object -Minimum).Minimum, ($rates | Measure-Object -Maximum).Maximum
}
finally {
    Stop-JiraEmulator $emulator
}
