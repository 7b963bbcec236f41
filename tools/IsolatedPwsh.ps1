# Dot-sourced by tools/Publish-JiraModule.ps1 and tests/Pester/Install.Tests.ps1.
function Invoke-IsolatedPwsh {
    <#
    .SYNOPSIS
        Runs a script in a fresh pwsh whose home, and so its user module path, repository lists and
        data folders, is the given folder: nothing the user has registered or installed is seen,
        and nothing is left in the user's own home. Returns the exit code; output goes to the host.
    #>
    param(
        [Parameter(Mandatory)] [string] $HomeFolder,
        [Parameter(Mandatory)] [string] $File,
        [string[]] $Arguments = @()
    )
    $names = 'HOME', 'PSModulePath', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'LOCALAPPDATA', 'APPDATA', 'USERPROFILE'
    $saved = @{}
    # Publish-PSResource writes a NuGet/NuGet.Config under the working folder: let that be the home too.
    Push-Location $HomeFolder
    foreach ($name in $names) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
    try {
        # Unset, PSModulePath is computed afresh from the new home (pwsh would otherwise keep ours).
        foreach ($name in $names) { [Environment]::SetEnvironmentVariable($name, $null) }
        $env:HOME = $HomeFolder
        if ($IsWindows) {
            $env:USERPROFILE = $HomeFolder
            $env:LOCALAPPDATA = Join-Path $HomeFolder 'AppData/Local'
            $env:APPDATA = Join-Path $HomeFolder 'AppData/Roaming'
        }
        & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $File @Arguments | Out-Host
        $LASTEXITCODE
    }
    finally {
        foreach ($name in $names) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        Pop-Location
    }
}
