# The module beside other modules' copies of its dependencies: CsvHelper 30 and Polly.Core 8.4.2
# (restored by the build through tests/Tools/Tools.csproj), loaded into a fresh pwsh before the
# module, and after it. Both the module and the older copies must keep working.
BeforeDiscovery {
    $script:orders = @(
        @{ Order = 'older copies first'; OldFirst = $true }
        @{ Order = 'module first'; OldFirst = $false }
    )
}

BeforeAll {
    $packages = ((& dotnet nuget locals global-packages --list) -replace '^global-packages:\s*', '').Trim()
    $script:oldCsvHelper = Join-Path $packages 'csvhelper/30.0.1/lib/net6.0/CsvHelper.dll'
    $script:oldPolly = Join-Path $packages 'polly.core/8.4.2/lib/net8.0/Polly.Core.dll'
    $script:pwsh = Join-Path $PSHOME 'pwsh.dll'

    # What the fresh pwsh runs: load the old copies before or after the module, use the module
    # (connect, query, a CSV bulk upload), then use the old copies; report what it saw as JSON.
    $script:session = {
        param($ModulePath, $Url, $OldCsvHelper, $OldPolly, $OldFirst, $Work)
        $ErrorActionPreference = 'Stop'
        function Use-OldCopies {
            Add-Type -Path $OldCsvHelper
            Add-Type -Path $OldPolly
            $reader = [CsvHelper.CsvReader]::new([IO.StringReader]::new("a,b`n1,2`n"), [Globalization.CultureInfo]::InvariantCulture)
            $null = $reader.Read(); $null = $reader.ReadHeader()
            $rows = @(while ($reader.Read()) { $reader.GetField('b') })
            $pipeline = [Polly.ResiliencePipelineBuilder]::new().Build()
            [pscustomobject]@{
                CsvHelper = [CsvHelper.CsvReader].Assembly.GetName().Version.ToString()
                CsvRows   = $rows -join ','

                Polly     = $pipeline.GetType().Assembly.Location
            }
        }
        if ($OldFirst) { $old = Use-OldCopies }
        Import-Module $ModulePath
        $secret = ConvertTo-SecureString 'emu-token-admin' -AsPlainText -Force
        Connect-JiraInstance -Url $Url -Credential ([pscredential]::new('admin@example.com', $secret)) -Name coexist
        $queried = @(Invoke-JiraQuery incidents "project = 'OPS'" -First 3)
        $csv = Join-Path $Work 'coexist.csv'
        Set-Content $csv -Encoding utf8 -Value @('Project,Issue Type,Summary', 'OPS,Task,coexist one', 'OPS,Task,coexist two')
        $job = Start-JiraBulkJob incidents -Path $csv -JournalPath (Join-Path $Work 'journal') | Wait-JiraBulkJob
        $created = @(Invoke-JiraQuery incidents "summary LIKE 'coexist%'")
        if (-not $OldFirst) { $old = Use-OldCopies }
        $engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'JiraConnector.Engine' }
        $context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine)
        $moduleCsv = $context.Assemblies | Where-Object { $_.GetName().Name -eq 'CsvHelper' }
        $modulePolly = $context.Assemblies | Where-Object { $_.GetName().Name -eq 'Polly.Core' }
        $created | Remove-JiraObject -Confirm:$false
        [pscustomobject]@{
            Queried       = $queried.Count
            JobStatus     = "$($job.Status)"
            JobFailed     = $job.RecordsFailedCount
            Created       = $created.Count
            OldCsvHelper  = $old.CsvHelper
            OldCsvRows    = $old.CsvRows
            OldPolly      = $old.Polly
            EngineContext = $context.GetType().Name
            ModuleCsv     = "$($moduleCsv.GetName().Version)"
            ModulePolly   = $modulePolly.Location
        }
    }
}

Describe 'The module beside older CsvHelper and Polly.Core (<Order>)' -ForEach $orders {
    It 'connects, queries and uploads, and the older copies still load and work' {
        $work = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory $work
        $arguments = @($env:JIRACONNECTOR_MODULE, $env:JIRA_EMULATOR_URL, $oldCsvHelper, $oldPolly, $OldFirst, $work) | ForEach-Object { "'$_'" -replace "'True'", '$true' -replace "'False'", '$false' }
        $json = & dotnet $pwsh -NoProfile -NonInteractive -Command "& { $session } $($arguments -join ' ') | ConvertTo-Json -Compress" 2>&1
        $LASTEXITCODE | Should -Be 0 -Because "$json"
        $result = "$json" | ConvertFrom-Json

        $result.Queried | Should -Be 3
        $result.JobStatus | Should -Be 'COMPLETED'
        $result.JobFailed | Should -Be 0
        $result.Created | Should -Be 2
        $result.OldCsvHelper | Should -BeLike '30.*'
        $result.OldCsvRows | Should -Be '2'
        # Polly.Core 8.4.2 and 8.9.1 share the assembly version 8.0.0.0, so their files tell them apart.
        $result.OldPolly | Should -Be $oldPolly
        $result.ModulePolly | Should -BeLike "$(Split-Path $env:JIRACONNECTOR_MODULE)*dependencies*Polly.Core.dll"
        $result.EngineContext | Should -Be 'EngineLoadContext'
        $result.ModuleCsv | Should -BeLike '34.*'
    }
}
