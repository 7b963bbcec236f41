# Runs the Pester suite in this (fresh) pwsh and writes the counts where build.ps1 reads them.
# build.ps1 sets JIRA_EMULATOR_URL, JIRA_EMULATOR_DC_URL and JIRACONNECTOR_MODULE.
param(
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $ResultPath,
    # Test files to run instead of the whole folder, separated by the path separator.
    [string] $TestPath
)
$ErrorActionPreference = 'Stop'
Import-Module $PesterManifest -Force

$configuration = New-PesterConfiguration
$configuration.Run.Path = if ($TestPath) { $TestPath -split [IO.Path]::PathSeparator } else { $PSScriptRoot }
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.Output.RenderMode = 'Plaintext'
$result = Invoke-Pester -Configuration $configuration

# Containers that fail to load (a syntax error, a BeforeAll that throws) count as failures too.
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
@{ Passed = $result.PassedCount; Failed = $failed; Skipped = $result.SkippedCount } | ConvertTo-Json | Set-Content -Path $ResultPath
