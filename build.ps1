#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests and demonstrates the JiraConnector module.
.DESCRIPTION
    Build     lays the module out as it ships: out/JiraConnector/<version>/.
    Package   Build, then the .nupkg the PowerShell Gallery takes: out/JiraConnector.<version>.nupkg.
    UnitTest  runs the xunit suites (the emulator runs in-process there).
    Pester    starts the Jira emulator (Cloud and Data Center) on free loopback ports and runs the
              Pester suite in a fresh pwsh against the built module (-TestPath: only those files).
    Test      UnitTest + Pester, then prints "N passed, N failed" as its last line.
    Demo      starts the emulator and runs examples/demo.ps1 against it.
    Bench     starts the emulator and runs the scripts in bench/.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Package', 'Test', 'UnitTest', 'Pester', 'Demo', 'Bench')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Pester only: run these test files (paths or wildcards) instead of the whole tests/Pester folder.
    [string[]] $TestPath
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
$env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'

Import-Module (Join-Path $PSScriptRoot 'tools/BuildTools.psm1') -Force

$summary = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0 }

function Invoke-UnitTests {
    foreach ($project in Get-TestProject -Root $PSScriptRoot) {
        $counts = Invoke-DotnetTest -Project $project -Configuration $Configuration
        $summary.Passed += $counts.Passed
        $summary.Failed += $counts.Failed
        $summary.Skipped += $counts.Skipped
    }
}

function Invoke-PesterTests {
    $emulators = @()
    try {
        $emulators += Start-JiraEmulator -Root $PSScriptRoot -Configuration $Configuration -Deployment Cloud -Issues 2000
        $emulators += Start-JiraEmulator -Root $PSScriptRoot -Configuration $Configuration -Deployment DataCenter -Issues 2000
        $counts = Invoke-PesterSuite -Root $PSScriptRoot -ModulePath (Get-ModuleManifestPath -Root $PSScriptRoot) `
            -CloudUrl $emulators[0].Url -DataCenterUrl $emulators[1].Url -TestPath $TestPath
        $summary.Passed += $counts.Passed
        $summary.Failed += $counts.Failed
        $summary.Skipped += $counts.Skipped
    }
    finally {
        $emulators | ForEach-Object { Stop-JiraEmulator $_ }
    }
}

function Invoke-Demo {
    $emulator = Start-JiraEmulator -Root $PSScriptRoot -Configuration $Configuration -Deployment Cloud -Issues 1000
    try {
        $exit = Invoke-Pwsh @('-NoProfile', '-File', (Join-Path $PSScriptRoot 'examples/demo.ps1'),
            '-ModulePath', (Get-ModuleManifestPath -Root $PSScriptRoot), '-Url', $emulator.Url)
        if ($exit -ne 0) { throw "The demo failed (exit code $exit)." }
    }
    finally {
        Stop-JiraEmulator $emulator
    }
}

function Invoke-Bench {
    foreach ($script in Get-ChildItem (Join-Path $PSScriptRoot 'bench') -Filter '*.ps1' | Sort-Object Name) {
        Write-Host "== $($script.Name)"
        $exit = Invoke-Pwsh @('-NoProfile', '-File', $script.FullName, '-Configuration', $Configuration)
        if ($exit -ne 0) { throw "$($script.Name) failed (exit code $exit)." }
    }
}

$failed = $false
try {
    Invoke-Build -Root $PSScriptRoot -Configuration $Configuration
    switch ($Task) {
        'Build' { }
        'Package' { Invoke-Package -Root $PSScriptRoot }
        'UnitTest' { Invoke-UnitTests }
        'Pester' { Invoke-PesterTests }
        'Test' { Invoke-UnitTests; Invoke-PesterTests }
        'Demo' { Invoke-Demo }
        'Bench' { Invoke-Bench }
    }
}
catch {
    $failed = $true
    Write-Host "build.ps1 -Task ${Task}: $($_.Exception.Message)"
    # A build or harness failure counts as a failed test, so CI can never report a clean run.
    if ($Task -in 'Test', 'UnitTest', 'Pester') { $summary.Failed += 1 }
}

if ($Task -in 'Test', 'UnitTest', 'Pester') {
    # The last line is the plain summary CI reads; skipped tests (those of another platform) go above it.
    if ($summary.Skipped) { "$($summary.Skipped) skipped" }
    "$($summary.Passed) passed, $($summary.Failed) failed"
    if ($summary.Failed -gt 0) { exit 1 }
}
if ($failed) { exit 1 }
