# The module as it ships: it loads cleanly and exports exactly the cmdlets its assembly defines.
Describe 'The built module' {
    It 'imports in a fresh pwsh -NoProfile with no errors and exports exactly its cmdlets' {
        $script = {
            param($path)
            $ErrorActionPreference = 'Stop'
            $module = Import-Module $path -PassThru
            $exported = @($module.ExportedCmdlets.Keys | Sort-Object)
            $defined = @($module.ImplementingAssembly.GetExportedTypes() |
                Where-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
                ForEach-Object { $a = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]; "$($a.VerbName)-$($a.NounName)" } |
                Sort-Object)
            [pscustomobject]@{ Exported = $exported -join ','; Defined = $defined -join ','; Version = "$($module.Version)" }
        }
        $pwsh = Join-Path $PSHOME 'pwsh.dll'
        $json = & dotnet $pwsh -NoProfile -NonInteractive -Command "& { $script } '$env:JIRACONNECTOR_MODULE' | ConvertTo-Json -Compress" 2>&1
        $LASTEXITCODE | Should -Be 0 -Because "$json"
        $result = $json | ConvertFrom-Json
        $result.Exported | Should -Not -BeNullOrEmpty
        $result.Exported | Should -Be $result.Defined
        $result.Version | Should -Not -Be '0.0.0'
    }
}

# The token cache's Windows ACL code needs System.IO.FileSystem.AccessControl, System.Security.AccessControl
# and System.Security.Principal.Windows. Their netstandard2.0 package builds only throw
# PlatformNotSupportedException, so the module ships their .NET Framework builds for Windows PowerShell 5.1
# and, on pwsh 7, must use the runtime's own copies.
Describe 'The access-control assemblies of the built module' {
    BeforeAll {
        $script:names = 'System.IO.FileSystem.AccessControl', 'System.Security.AccessControl', 'System.Security.Principal.Windows'
        $script:dependencies = Join-Path (Split-Path $env:JIRACONNECTOR_MODULE) 'dependencies'
    }

    It 'ship only as .NET Framework builds, in dependencies/windows-powershell' {
        foreach ($name in $names) {
            Join-Path $dependencies "$name.dll" | Should -Not -Exist
            $path = Join-Path $dependencies "windows-powershell/$name.dll"
            $path | Should -Exist
            $stream = [IO.File]::OpenRead($path)
            try {
                $reader = [System.Reflection.Metadata.PEReaderExtensions]::GetMetadataReader([System.Reflection.PortableExecutable.PEReader]::new($stream))
                $references = @($reader.AssemblyReferences | ForEach-Object { $reader.GetString($reader.GetAssemblyReference($_).Name) })
                $references | Should -Contain 'mscorlib' -Because "$name must be the build that forwards to the .NET Framework"
                $version = $reader.GetAssemblyDefinition().Version
                $version | Should -Be ([version] '5.0.0.0') -Because 'JiraConnector.Engine.dll references version 5.0.0.0'
            }
            finally { $stream.Dispose() }
        }
    }

    It 'come from the runtime on pwsh 7 once the token cache has written a file' {
        $script = {
            param($path)
            $ErrorActionPreference = 'Stop'
            $module = Import-Module $path -PassThru
            # Writing a cache file runs OwnerOnlyFiles, which references the Windows ACL types.
            $folder = Join-Path ([IO.Path]::GetTempPath()) ('jc-deps-' + [guid]::NewGuid().ToString('n'))
            # The engine lives in the module's own load context: a cmdlet loads it, then it is found among the loaded assemblies.
            $null = Get-JiraInstance
            $engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'JiraConnector.Engine' }
            $cacheType = $engine.GetType('JiraConnector.Connection.OAuth.TokenCache', $true)
            $cache = [Activator]::CreateInstance($cacheType, $folder)
            $cacheType.GetMethod('Save').Invoke($cache, @('site', 'not-a-real-token'))
            Remove-Item $folder -Recurse -Force
            $referenced = $engine.GetReferencedAssemblies() | Where-Object Name -match 'AccessControl|Principal\.Windows'
            [pscustomobject]@{
                Referenced = @($referenced | ForEach-Object { "$($_.Name) $([Reflection.Assembly]::Load($_).Location)" })
                FromModule = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.Location -like "$($module.ModuleBase)*" } | ForEach-Object { $_.GetName().Name })
                Runtime    = [System.Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory()
            }
        }
        $pwsh = Join-Path $PSHOME 'pwsh.dll'
        $json = & dotnet $pwsh -NoProfile -NonInteractive -Command "& { $script } '$env:JIRACONNECTOR_MODULE' | ConvertTo-Json -Compress" 2>&1
        $LASTEXITCODE | Should -Be 0 -Because "$json"
        $result = $json | ConvertFrom-Json
        @($result.Referenced).Count | Should -Be 3
        foreach ($line in $result.Referenced) {
            $name, $location = $line -split ' ', 2
            $name | Should -BeIn $names
            $location | Should -BeLike "$($result.Runtime)*"
        }
        foreach ($name in $names) { $result.FromModule | Should -Not -Contain $name }
    }
}

# Two assemblies: the engine knows no PowerShell, and the cmdlet assembly knows none of the engine's
# dependencies, so none of their types can cross between the default load context and the module's own.
Describe 'The two assemblies of the built module' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        function Get-AssemblyReferenceName([string] $Path) { @(Get-AssemblyReference $Path | ForEach-Object Name) }
        $script:root = Split-Path $env:JIRACONNECTOR_MODULE
    }

    It 'ships the engine in dependencies/, and the engine does not reference PowerShell' {
        $engine = Join-Path $root 'dependencies/JiraConnector.Engine.dll'
        $engine | Should -Exist
        Join-Path $root 'JiraConnector.Engine.dll' | Should -Not -Exist
        $references = Get-AssemblyReferenceName $engine
        $references | Should -Contain 'Polly.Core' -Because 'the reading works: the engine does use its dependencies'
        $references | Should -Not -Contain 'System.Management.Automation'
    }

    It 'keeps the cmdlet assembly to the engine, PowerShell and the framework' {
        $references = Get-AssemblyReferenceName (Join-Path $root 'JiraConnector.dll')
        $references | Should -Contain 'JiraConnector.Engine'
        foreach ($dependency in 'Polly.Core', 'CsvHelper', 'System.Text.Json', 'Microsoft.Bcl.AsyncInterfaces', 'System.Threading.Channels') {
            $references | Should -Not -Contain $dependency
        }
    }

    It 'ships the engine precompiled (ReadyToRun) for .NET 8 and .NET 10 on Linux and Windows x64' {
        $portable = @(Get-ChildItem (Join-Path $root 'dependencies') -Filter '*.dll' | ForEach-Object Name)
        foreach ($target in 'net8.0-linux-x64', 'net8.0-win-x64', 'net10.0-linux-x64', 'net10.0-win-x64') {
            $folder = Join-Path $root "dependencies/precompiled/$target"
            $files = @(Get-ChildItem $folder -Filter '*.dll' | ForEach-Object Name)
            $files | Should -Contain 'JiraConnector.Engine.dll'
            $files | Should -Contain 'Polly.Core.dll'
            $files | Should -Contain 'CsvHelper.dll'
            # .NET 10 has System.Text.Json and the rest itself: a folder may have fewer files, never others.
            $files | Where-Object { $_ -notin $portable } | Should -BeNullOrEmpty
            foreach ($file in $files) {
                Test-ReadyToRunImage (Join-Path $folder $file) | Should -BeTrue -Because "$target/$file is precompiled"
            }
        }
        Test-ReadyToRunImage (Join-Path $root 'dependencies/JiraConnector.Engine.dll') | Should -BeFalse -Because 'the portable build runs on any platform'
    }

    It 'loads the engine into the module''s own load context, precompiled for the runtime and platform it runs on' {
        $script = {
            param($path)
            $ErrorActionPreference = 'Stop'
            Import-Module $path
            $null = Get-JiraInstance
            $engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'JiraConnector.Engine' }
            [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine).GetType().Name
            $os = if ($IsWindows) { 'win' } elseif ($IsMacOS) { 'osx' } else { 'linux' }
            "net$([Environment]::Version.Major).0-$os-$("$([System.Runtime.InteropServices.RuntimeInformation]::ProcessArchitecture)".ToLowerInvariant())"
            $engine.Location
        }
        $pwsh = Join-Path $PSHOME 'pwsh.dll'
        $context, $target, $location = & dotnet $pwsh -NoProfile -NonInteractive -Command "& { $script } '$env:JIRACONNECTOR_MODULE'" 2>&1
        $LASTEXITCODE | Should -Be 0 -Because "$context $target $location"
        "$context" | Should -Be 'EngineLoadContext'
        if (-not (Test-Path (Join-Path $root "dependencies/precompiled/$target"))) { Set-ItResult -Skipped -Because "no build is precompiled for $target"; return }
        $location | Should -Be (Join-Path $root "dependencies/precompiled/$target/JiraConnector.Engine.dll")
    }
}

# PowerShell 7.4 runs on .NET 8: a dll that needs a newer framework assembly than .NET 8's from the
# shared load context fails there (nothing here runs 7.4, so the metadata is the check).
Describe 'What the module resolves from the runtime on PowerShell 7' {
    BeforeAll {
        . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
        $script:root = Split-Path $env:JIRACONNECTOR_MODULE
        $script:limit = [version] '8.0.65535.65535'
    }

    It 'needs no framework assembly newer than .NET 8''s' {
        $references = @(Get-SharedContextFrameworkReference -ModuleRoot $root)
        # The net8.0 engine is what ships for pwsh 7 (portable, and precompiled for Linux and Windows), and all three were checked.
        $runtime = @($references | Where-Object { $_.Assembly -eq 'JiraConnector.Engine.dll' -and $_.Name -eq 'System.Runtime' })
        $runtime.Count | Should -Be 3
        $runtime.Version | Sort-Object -Unique | Should -Be ([version] '8.0.0.0')
        $tooNew = @($references | Where-Object Version -gt $limit | ForEach-Object { "$($_.Assembly) -> $($_.Name) $($_.Version)" })
        $tooNew | Should -BeNullOrEmpty
    }

    It 'finds a System.Text.Json 10 reference in a dll that loads in the shared context' {
        # The netstandard2.0 engine references System.Text.Json 10; at a module root it would load in the shared context.
        $fake = Join-Path ([IO.Path]::GetTempPath()) "jc-refs-$([guid]::NewGuid().ToString('N'))"
        $null = New-Item -ItemType Directory -Path (Join-Path $fake 'dependencies')
        try {
            Copy-Item (Join-Path $root 'dependencies/windows-powershell/JiraConnector.Engine.dll') (Join-Path $fake 'Extra.dll')
            $tooNew = @(Get-SharedContextFrameworkReference -ModuleRoot $fake | Where-Object Version -gt $limit)
            $tooNew.Name | Should -Contain 'System.Text.Json'
        }
        finally { Remove-Item $fake -Recurse -Force }
    }
}
