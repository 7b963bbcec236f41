# The module as an admin gets it: published into a folder repository, installed by name with each
# of the two clients in a fresh pwsh whose home (and so module path) is a temporary folder, imported
# by name, used against the emulator, and uninstalled without leaving anything behind.
BeforeDiscovery {
    $script:clients = @(
        @{ Client = 'PSResourceGet'; ProjectKey = 'INSR' }
        @{ Client = 'PowerShellGet'; ProjectKey = 'INSG' }
    )
}

BeforeAll {
    $root = Resolve-Path (Join-Path $PSScriptRoot '../..')
    . (Join-Path $root 'tools/IsolatedPwsh.ps1')
    $script:work = Join-Path ([IO.Path]::GetTempPath()) "jc-install-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    $script:repository = Join-Path $work 'repository'
    $script:package = & (Join-Path $root 'tools/Publish-JiraModule.ps1') -ModulePath (Split-Path $env:JIRACONNECTOR_MODULE) -Destination $repository
    $script:version = (Import-PowerShellDataFile $env:JIRACONNECTOR_MODULE).ModuleVersion
}

AfterAll {
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The published package' {
    It 'is the .nupkg of this version, with the manifest, the licence, the help and the engine' {
        $package.Name | Should -Be "JiraConnector.$version.nupkg"
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($package.FullName)
        try { $entries = @($zip.Entries | ForEach-Object FullName) } finally { $zip.Dispose() }
        foreach ($entry in 'JiraConnector.psd1', 'JiraConnector.dll', 'LICENSE', 'JiraConnector.format.ps1xml',
            'en-US/JiraConnector.dll-Help.xml', 'dependencies/JiraConnector.Engine.dll') {
            $entries | Should -Contain $entry
        }
    }

    It 'has a manifest Test-ModuleManifest accepts, for both editions, with release notes and a licence' {
        $manifest = Test-ModuleManifest $env:JIRACONNECTOR_MODULE -ErrorAction Stop
        $manifest.CompatiblePSEditions | Should -Be @('Core', 'Desktop')
        $manifest.PowerShellVersion | Should -Be ([version] '5.1')
        $manifest.LicenseUri | Should -Not -BeNullOrEmpty
        $manifest.ProjectUri | Should -Not -BeNullOrEmpty
        $manifest.ReleaseNotes | Should -Match 'Install-PSResource'
        $manifest.Description | Should -Not -BeNullOrEmpty
    }
}

Describe 'Installing by name with <Client>' -ForEach $clients {
    BeforeAll {
        $homeFolder = Join-Path $work "home-$Client"
        $null = New-Item -ItemType Directory -Path $homeFolder
        $resultPath = Join-Path $work "result-$Client.json"
        $exit = Invoke-IsolatedPwsh -HomeFolder $homeFolder -File (Join-Path $PSScriptRoot 'Install/Install-AndSmoke.ps1') -Arguments @(
            '-Client', $Client, '-Repository', $repository, '-Url', $env:JIRA_EMULATOR_URL, '-ProjectKey', $ProjectKey, '-ResultPath', $resultPath)
        $script:result = Get-Content -Raw $resultPath | ConvertFrom-Json
        $script:exit = $exit
    }

    It 'installs, imports by name from the user module path and runs the smoke suite' {
        $result.Error | Should -BeNullOrEmpty
        $exit | Should -Be 0
        $result.Home | Should -Be $homeFolder
        $result.ModuleBase | Should -BeLike "$homeFolder*JiraConnector*$version"
        $result.Version | Should -Be $version
        $result.Deployment | Should -Be 'Cloud'
        @($result.Queried).Count | Should -Be 3
        $result.BulkStatus | Should -Be 'COMPLETED'
        $result.Uploaded | Should -Be @('installed one', 'installed two')
        $result.Examples | Should -BeGreaterThan 0
    }

    It 'uninstalls without leaving anything behind' {
        $result.Error | Should -BeNullOrEmpty
        @($result.Left) | Should -BeNullOrEmpty
        @(Get-ChildItem $homeFolder -Recurse -Filter 'JiraConnector*' -Directory | Where-Object FullName -like '*Modules*') | Should -BeNullOrEmpty
    }
}
