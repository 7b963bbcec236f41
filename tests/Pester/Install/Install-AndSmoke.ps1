# Run by Install.Tests.ps1 in a fresh pwsh whose home is a temporary folder: installs JiraConnector
# by name from a folder repository with one of the two clients, imports it by name, runs the smoke
# suite on the installed copy against the emulator, uninstalls it, and writes what it saw as JSON.
param(
    [Parameter(Mandatory)] [ValidateSet('PSResourceGet', 'PowerShellGet')] [string] $Client,
    [Parameter(Mandatory)] [string] $Repository,
    [Parameter(Mandatory)] [string] $Url,
    [Parameter(Mandatory)] [string] $ProjectKey,
    [Parameter(Mandatory)] [string] $ResultPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$result = [ordered]@{ Home = $HOME; Error = $null }
try {
    if ($Client -eq 'PSResourceGet') {
        Register-PSResourceRepository -Name JiraConnectorTest -Uri $Repository -Trusted
        Install-PSResource JiraConnector -Repository JiraConnectorTest -Scope CurrentUser
    }
    else {
        Register-PSRepository -Name JiraConnectorTest -SourceLocation $Repository -InstallationPolicy Trusted
        Install-Module JiraConnector -Repository JiraConnectorTest -Scope CurrentUser
    }
    $module = Import-Module JiraConnector -PassThru
    $result.ModuleBase = $module.ModuleBase
    $result.Version = "$($module.Version)"

    $secret = ConvertTo-SecureString 'emu-token-admin' -AsPlainText -Force
    Connect-JiraInstance -Url $Url -Credential ([pscredential]::new('admin@example.com', $secret)) -Name install | Out-Null
    $result.Deployment = "$((Get-JiraInstance -Name install).Deployment)"
    $result.Queried = @(Invoke-JiraQuery incidents "project = 'OPS'" -First 3 | ForEach-Object Key)

    # The upload goes into a project of its own, deleted afterwards with its issues: other suites count the seeded ones.
    $null = New-JiraObject projects -Fields @{ key = $ProjectKey; name = "Install $Client"; projectTypeKey = 'software'; leadAccountId = '712020:00000000-0000-4000-8000-000000000001' }
    try {
        $csv = Join-Path $HOME 'smoke.csv'
        Set-Content $csv -Value @('project.key,issuetype.name,summary', "$ProjectKey,Task,installed one", "$ProjectKey,Task,installed two")
        $job = Start-JiraBulkJob incidents -Path $csv | Wait-JiraBulkJob
        $result.BulkStatus = "$($job.Status)"
        $result.Uploaded = @(Invoke-JiraQuery -Jql "project = $ProjectKey ORDER BY key" | ForEach-Object Summary)
    }
    finally {
        Remove-JiraObject projects $ProjectKey -Confirm:$false
    }
    $result.Examples = @((Get-Help Start-JiraBulkJob -Examples).examples.example).Count
    Disconnect-JiraInstance -Name install -Confirm:$false

    Remove-Module JiraConnector
    if ($Client -eq 'PSResourceGet') { Uninstall-PSResource JiraConnector } else { Uninstall-Module JiraConnector }
    $result.Left = @(Get-ChildItem ($env:PSModulePath -split [IO.Path]::PathSeparator) -Filter 'JiraConnector*' -ErrorAction SilentlyContinue | ForEach-Object FullName)
}
catch {
    $result.Error = "$_ at $($_.InvocationInfo.PositionMessage)"
}
$result | ConvertTo-Json -Depth 3 | Set-Content -Path $ResultPath
