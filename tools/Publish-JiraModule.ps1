<#
.SYNOPSIS
    Publishes the built module into a folder repository with Publish-PSResource: the .nupkg the
    Gallery takes. build.ps1 -Task Package writes it to out/; the install test publishes into a
    repository of its own.
.DESCRIPTION
    The repository is registered in a fresh pwsh with a temporary home, so the user's own list of
    repositories is neither read nor changed.
#>
[CmdletBinding()]
param(
    # The module's version folder (out/JiraConnector/<version>).
    [Parameter(Mandatory)] [string] $ModulePath,
    # The folder the .nupkg goes to; created if missing.
    [Parameter(Mandatory)] [string] $Destination,
    # Only inside the fresh pwsh: do the publishing.
    [switch] $Isolated
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

if ($Isolated) {
    Register-PSResourceRepository -Name JiraConnectorLocal -Uri $Destination -Trusted
    Publish-PSResource -Path $ModulePath -Repository JiraConnectorLocal
    return
}

. (Join-Path $PSScriptRoot 'IsolatedPwsh.ps1')
if (-not (Test-Path (Join-Path $ModulePath 'JiraConnector.psd1'))) { throw "$ModulePath holds no JiraConnector.psd1: build the module first." }
$null = New-Item -ItemType Directory -Path $Destination -Force
$manifest = Import-PowerShellDataFile (Join-Path $ModulePath 'JiraConnector.psd1')
$package = Join-Path $Destination "JiraConnector.$($manifest.ModuleVersion).nupkg"
# A folder repository refuses a version it already holds.
Remove-Item $package -ErrorAction SilentlyContinue
$homeFolder = Join-Path ([IO.Path]::GetTempPath()) "jc-publish-$([guid]::NewGuid().ToString('N'))"
$null = New-Item -ItemType Directory -Path $homeFolder
try {
    $exit = Invoke-IsolatedPwsh -HomeFolder $homeFolder -File $PSCommandPath -Arguments @(
        '-ModulePath', (Resolve-Path $ModulePath).Path, '-Destination', (Resolve-Path $Destination).Path, '-Isolated')
    if ($exit -ne 0 -or -not (Test-Path $package)) { throw "Publish-PSResource did not write $package (exit code $exit)." }
}
finally {
    Remove-Item $homeFolder -Recurse -Force -ErrorAction SilentlyContinue
}
Get-Item $package
