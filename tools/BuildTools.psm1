# Helpers for build.ps1: building the module layout, running test suites and the emulator.
Set-StrictMode -Version Latest

function Get-ModuleVersion {
    param([Parameter(Mandatory)] [string] $Root)
    # Directory.Build.props is the one version source; the psd1 in the repo carries a placeholder.
    [xml] $props = Get-Content -Raw (Join-Path $Root 'Directory.Build.props')
    $version = $props.Project.PropertyGroup | ForEach-Object { $_.Version } | Where-Object { $_ } | Select-Object -First 1
    if (-not $version) { throw 'Directory.Build.props has no <Version>.' }
    [string] $version
}

function Get-ModuleManifestPath {
    param([Parameter(Mandatory)] [string] $Root)
    Join-Path $Root "out/JiraConnector/$(Get-ModuleVersion -Root $Root)/JiraConnector.psd1"
}

function Invoke-Pwsh {
    # Runs a fresh pwsh (same version as this one) with the given arguments; returns its exit code.
    # Arguments come as one array so that none of them is taken for a common parameter (-v, -d...).
    param([Parameter(Mandatory)] [string[]] $Arguments)
    $dll = Join-Path $PSHOME 'pwsh.dll'
    & dotnet $dll @Arguments | Out-Host
    $LASTEXITCODE
}

function Invoke-Dotnet {
    param([Parameter(Mandatory)] [string[]] $Arguments)
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed (exit code $LASTEXITCODE)." }
}

function Get-CmdletName {
    # Cmdlet names from the [Cmdlet(Verbs..., "Noun")] attributes: the export list always
    # matches the cmdlets that exist, and a Pester test checks it against the loaded assembly.
    param([Parameter(Mandatory)] [string] $SourceFolder)
    Get-ChildItem $SourceFolder -Recurse -Filter '*.cs' |
        Select-String -Pattern '\[Cmdlet\(Verbs\w+\.(\w+),\s*"(\w+)"' |
        ForEach-Object { '{0}-{1}' -f $_.Matches[0].Groups[1].Value, $_.Matches[0].Groups[2].Value } |
        Sort-Object -Unique
}

function Invoke-Build {
    param([Parameter(Mandatory)] [string] $Root, [string] $Configuration = 'Release')
    $version = Get-ModuleVersion -Root $Root
    Invoke-Dotnet @('build', (Join-Path $Root 'JiraConnector.sln'), '-c', $Configuration, '--nologo', '-v', 'quiet', '-clp:NoSummary;ErrorsOnly')

    $bin = Join-Path $Root "src/JiraConnector.PowerShell/bin/$Configuration/netstandard2.0"
    # The engine's builds for each edition (see its csproj): net8.0 for PowerShell 7.4 and later,
    # netstandard2.0 for Windows PowerShell 5.1. The net472 build is a check only and ships nowhere.
    $engineCore = Join-Path $Root "src/JiraConnector.Engine/bin/$Configuration/net8.0"
    $engineDesktop = Join-Path $Root "src/JiraConnector.Engine/bin/$Configuration/netstandard2.0"
    $target = Join-Path $Root "out/JiraConnector/$version"
    if (Test-Path $target) { Remove-Item $target -Recurse -Force }
    $dependencies = New-Item -ItemType Directory -Path (Join-Path $target 'dependencies') -Force

    # Only the module's own assembly sits at the root; the engine and everything it needs go to
    # dependencies/, which the module loads into a load context of its own (src/JiraConnector.PowerShell/Loading).
    Copy-Item (Join-Path $bin 'JiraConnector.dll'), (Join-Path $bin 'JiraConnector.format.ps1xml'), (Join-Path $bin 'JiraConnector.types.ps1xml'),
        (Join-Path $Root 'LICENSE') $target
    Copy-Item (Join-Path $engineCore '*.dll') $dependencies
    Publish-PrecompiledEngine -Root $Root -Configuration $Configuration -Destination (Join-Path $dependencies 'precompiled')
    # Windows PowerShell 5.1 gets a folder of its own. Assemblies with a .NET Framework build of their own
    # (see the engine csproj) ship only that build: their netstandard2.0 builds are stubs that throw.
    $desktop = New-Item -ItemType Directory -Path (Join-Path $dependencies 'windows-powershell')
    $desktopBuilds = Join-Path $engineDesktop 'windows-powershell'
    $desktopOnly = @(Get-ChildItem $desktopBuilds -Filter '*.dll' | ForEach-Object Name)
    Get-ChildItem $engineDesktop -Filter '*.dll' | Where-Object { $_.Name -notin $desktopOnly } | Copy-Item -Destination $desktop
    Copy-Item (Join-Path $desktopBuilds '*.dll') $desktop
    $help = Join-Path $Root 'src/JiraConnector.PowerShell/en-US'
    if (Test-Path $help) { Copy-Item $help $target -Recurse }
    # MAML help generated from the cmdlet classes, their doc comments and docs/help (tools/New-JiraHelp.ps1).
    $exit = Invoke-Pwsh @('-NoProfile', '-File', (Join-Path $Root 'tools/New-JiraHelp.ps1'), '-AssemblyPath', (Join-Path $bin 'JiraConnector.dll'),
        '-DocsFolder', (Join-Path $Root 'docs/help'), '-OutFile', (Join-Path $target 'en-US/JiraConnector.dll-Help.xml'))
    if ($exit -ne 0) { throw "Generating the help failed (exit code $exit)." }

    $cmdlets = @(Get-CmdletName -SourceFolder (Join-Path $Root 'src/JiraConnector.PowerShell/Cmdlets'))
    $manifest = Get-Content -Raw (Join-Path $Root 'JiraConnector.psd1')
    $manifest = $manifest -replace "ModuleVersion\s*=\s*'[^']*'", "ModuleVersion        = '$version'"
    $list = ($cmdlets | ForEach-Object { "'$_'" }) -join ', '
    $manifest = $manifest -replace 'CmdletsToExport\s*=\s*@\(\)', "CmdletsToExport      = @($list)"
    $notes = (Get-ReleaseNote -Root $Root -Version $version) -replace "'", "''"
    $manifest = $manifest -replace "ReleaseNotes\s*=\s*''", { "ReleaseNotes = '$notes'" }
    Set-Content -Path (Join-Path $target 'JiraConnector.psd1') -Value $manifest -Encoding utf8NoBOM
    Write-Host "Built JiraConnector $version ($($cmdlets.Count) cmdlets) in $target"
}

# The runtimes and platforms whose precompiled engine ships: .NET 8 (PowerShell 7.4) and .NET 10
# (7.6), each of which uses only code precompiled against its own major version, on the two
# platforms most admins run. Anything else loads the portable build in dependencies/ and compiles it.
$PrecompiledTargets = foreach ($framework in 'net8.0', 'net10.0') { foreach ($rid in 'linux-x64', 'win-x64') { "$framework-$rid" } }

function Publish-PrecompiledEngine {
    # The engine and its dependencies compiled ReadyToRun (Crossgen2, from NuGet), one folder per
    # runtime and platform: a fresh pwsh then runs them without compiling them first. The loader
    # (src/JiraConnector.PowerShell/Loading/PrecompiledFolder.cs) picks the one for where it runs.
    param([Parameter(Mandatory)] [string] $Root, [string] $Configuration = 'Release', [Parameter(Mandatory)] [string] $Destination)
    $project = Join-Path $Root 'src/JiraConnector.Engine/JiraConnector.Engine.csproj'
    foreach ($target in $PrecompiledTargets) {
        $framework, $rid = $target -split '-', 2
        $published = Join-Path $Root "src/JiraConnector.Engine/bin/$Configuration/precompiled/$target"
        # TargetFrameworks names one framework, so net10.0 (in no build of its own) can be published.
        Invoke-Dotnet @('publish', $project, '-c', $Configuration, "-p:TargetFrameworks=$framework", '-f', $framework, '-r', $rid,
            '--self-contained', 'false', '-p:PublishReadyToRun=true', '-o', $published, '--nologo', '-v', 'quiet', '-clp:NoSummary;ErrorsOnly')
        $folder = New-Item -ItemType Directory -Path (Join-Path $Destination $target) -Force
        Copy-Item (Join-Path $published '*.dll') $folder
    }
}

function Get-ReleaseNote {
    # The section of CHANGELOG.md for this version, without its heading: the manifest's ReleaseNotes.
    param([Parameter(Mandatory)] [string] $Root, [Parameter(Mandatory)] [string] $Version)
    $text = Get-Content -Raw (Join-Path $Root 'CHANGELOG.md')
    $match = [regex]::Match($text, "(?ms)^## $([regex]::Escape($Version))\s*\r?\n(.*?)(?=^## |\z)")
    if (-not $match.Success -or -not $match.Groups[1].Value.Trim()) { throw "CHANGELOG.md has no section '## $Version'." }
    $match.Groups[1].Value.Trim()
}

function Invoke-Package {
    # The .nupkg the Gallery takes, in out/, made by Publish-PSResource from the built module.
    param([Parameter(Mandatory)] [string] $Root)
    $package = & (Join-Path $Root 'tools/Publish-JiraModule.ps1') -ModulePath (Split-Path (Get-ModuleManifestPath -Root $Root)) -Destination (Join-Path $Root 'out')
    Write-Host "Packaged $($package.FullName)"
}

function Get-TestProject {
    param([Parameter(Mandatory)] [string] $Root)
    Get-ChildItem (Join-Path $Root 'tests') -Recurse -Filter '*.csproj' |
        Where-Object { (Get-Content -Raw $_.FullName) -match '<PackageReference Include="xunit.v3"' } |
        Sort-Object FullName
}

function Invoke-DotnetTest {
    # Runs one xunit.v3 project on Microsoft.Testing.Platform and reads its summary lines.
    param([Parameter(Mandatory)] $Project, [string] $Configuration = 'Release')
    Write-Host "== xunit: $($Project.Name)"
    $output = & dotnet test --project $Project.FullName -c $Configuration --no-build 2>&1 | ForEach-Object { "$_" }
    $exit = $LASTEXITCODE
    $output | Write-Host
    $passed = ($output | Select-String '^\s*succeeded:\s*(\d+)' | ForEach-Object { [int] $_.Matches[0].Groups[1].Value } | Measure-Object -Sum).Sum
    $failed = ($output | Select-String '^\s*failed:\s*(\d+)' | ForEach-Object { [int] $_.Matches[0].Groups[1].Value } | Measure-Object -Sum).Sum
    $skipped = ($output | Select-String '^\s*skipped:\s*(\d+)' | ForEach-Object { [int] $_.Matches[0].Groups[1].Value } | Measure-Object -Sum).Sum
    if ($exit -ne 0 -and $failed -eq 0) {
        # The run broke without reporting a failed test (a crash, no tests found): count it.
        Write-Host "dotnet test exited with $exit for $($Project.Name)."
        $failed = 1
    }
    [pscustomobject]@{ Passed = [int] $passed; Failed = [int] $failed; Skipped = [int] $skipped }
}

function Start-JiraEmulator {
    # Starts the emulator on a free loopback port (port 0: the OS picks) and waits until it answers.
    param(
        [Parameter(Mandatory)] [string] $Root,
        [string] $Configuration = 'Release',
        [ValidateSet('Cloud', 'DataCenter')] [string] $Deployment = 'Cloud',
        [int] $Issues = 1000,
        [int] $Seed = 1,
        [int] $TimeoutSeconds = 60,
        # More emulator options, such as '--worklog-feed-lag', '1'.
        [string[]] $ExtraArguments = @()
    )
    $dll = Join-Path $Root "tests/JiraEmulator/bin/$Configuration/net10.0/JiraEmulator.dll"
    if (-not (Test-Path $dll)) { throw "The emulator is not built: $dll is missing. Run ./build.ps1 -Task Build." }
    $log = New-TemporaryFile
    $arguments = @($dll, '--urls', 'http://127.0.0.1:0', '--seed', $Seed, '--issues', $Issues, '--deployment', $Deployment) + $ExtraArguments
    $process = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -RedirectStandardOutput $log.FullName `
        -RedirectStandardError "$($log.FullName).err" -PassThru
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    $url = $null
    while (-not $url) {
        if ($process.HasExited) {
            throw "The emulator exited with code $($process.ExitCode): $(Get-Content -Raw "$($log.FullName).err")"
        }
        if ([DateTime]::UtcNow -gt $deadline) {
            Stop-Process -Id $process.Id -Force -ErrorAction SilentlyContinue
            throw "The emulator did not start within $TimeoutSeconds s."
        }
        $line = Get-Content $log.FullName -ErrorAction SilentlyContinue | Select-String 'JiraEmulator listening on (\S+)' | Select-Object -First 1
        if ($line) { $url = $line.Matches[0].Groups[1].Value.TrimEnd('/') } else { Start-Sleep -Milliseconds 100 }
    }
    # Listening is not answering: wait for the health endpoint too.
    while ($true) {
        try { $null = Invoke-RestMethod "$url/__emulator/health" -TimeoutSec 5; break }
        catch {
            if ([DateTime]::UtcNow -gt $deadline) { Stop-Process -Id $process.Id -Force; throw "The emulator at $url does not answer." }
            Start-Sleep -Milliseconds 100
        }
    }
    Write-Host "Emulator ($Deployment, $Issues issues) listening on $url, process $($process.Id)"
    [pscustomobject]@{ Url = $url; Process = $process; Log = $log.FullName; Deployment = $Deployment }
}

function Stop-JiraEmulator {
    param([Parameter(Mandatory, Position = 0)] $Emulator)
    if ($Emulator -and -not $Emulator.Process.HasExited) {
        Stop-Process -Id $Emulator.Process.Id -Force -ErrorAction SilentlyContinue
        $Emulator.Process.WaitForExit(10000) | Out-Null
    }
    Remove-Item $Emulator.Log, "$($Emulator.Log).err" -ErrorAction SilentlyContinue
}

function Get-PesterManifest {
    $packages = (& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', ''
    $manifest = Join-Path $packages.Trim() 'pester/5.7.1/tools/Pester.psd1'
    if (-not (Test-Path $manifest)) { throw "Pester 5.7.1 is not restored ($manifest). The build restores tests/Tools/Tools.csproj." }
    $manifest
}

function Invoke-PesterSuite {
    # Runs tests/Pester in a fresh pwsh so the module under test loads into a clean process.
    param(
        [Parameter(Mandatory)] [string] $Root,
        [Parameter(Mandatory)] [string] $ModulePath,
        [Parameter(Mandatory)] [string] $CloudUrl,
        [Parameter(Mandatory)] [string] $DataCenterUrl,
        [string[]] $TestPath
    )
    Write-Host '== Pester'
    $result = New-TemporaryFile
    $env:JIRA_EMULATOR_URL = $CloudUrl
    $env:JIRA_EMULATOR_DC_URL = $DataCenterUrl
    $env:JIRACONNECTOR_MODULE = $ModulePath
    # Events relayed by the tests queue in a folder of the run's own, not in the user's data folder.
    $env:JIRACONNECTOR_RELAY_HOME = Join-Path ([IO.Path]::GetTempPath()) "jc-relay-$PID"
    $runner = Join-Path $Root 'tests/Pester/Invoke-Suite.ps1'
    $arguments = @('-NoProfile', '-File', $runner, '-PesterManifest', (Get-PesterManifest), '-ResultPath', $result.FullName)
    if ($TestPath) { $arguments += @('-TestPath', (($TestPath | ForEach-Object { (Resolve-Path $_).Path }) -join [IO.Path]::PathSeparator)) }
    $null = Invoke-Pwsh $arguments
    $counts = Get-Content -Raw $result.FullName | ConvertFrom-Json
    Remove-Item $result
    Remove-Item -Recurse -Force $env:JIRACONNECTOR_RELAY_HOME -ErrorAction SilentlyContinue
    [pscustomobject]@{ Passed = [int] $counts.Passed; Failed = [int] $counts.Failed; Skipped = [int] $counts.Skipped }
}

Export-ModuleMember -Function Get-ModuleVersion, Get-ModuleManifestPath, Invoke-Pwsh, Invoke-Build, Invoke-Package, Get-TestProject,
    Invoke-DotnetTest, Start-JiraEmulator, Stop-JiraEmulator, Invoke-PesterSuite, Get-CmdletName
