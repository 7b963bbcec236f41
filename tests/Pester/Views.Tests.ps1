# What the module's table and list views show: no empty columns where Jira has the data, no
# column left to take all the width but the last, nothing cut short in Get-JiraObjectType, and
# Jira's whole JSON kept out of the default list of a record's properties.
BeforeAll {
    Import-Module $env:JIRACONNECTOR_MODULE -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Connect-EmulatorCloud
    Connect-EmulatorDataCenter
    $script:formatFile = Join-Path (Split-Path $env:JIRACONNECTOR_MODULE) 'JiraConnector.format.ps1xml'
}

AfterAll {
    Get-JiraInstance | Disconnect-JiraInstance -Confirm:$false
}

Describe 'Table views' {
    It 'gives every column a width but the last, in every view' {
        $unbounded = foreach ($view in ([xml](Get-Content -Raw $formatFile)).Configuration.ViewDefinitions.View) {
            $headers = @($view.TableControl.TableHeaders.TableColumnHeader)
            for ($i = 0; $i -lt $headers.Count - 1; $i++) {
                if (-not $headers[$i].Width) { "$($view.Name).$($headers[$i].Label)" }
            }
        }
        $unbounded | Should -BeNullOrEmpty
    }

    It 'has a table view for every record type of <Object>' -ForEach @(
        @{ Object = 'groups'; Type = 'JiraConnector.Group' }
        @{ Object = 'incident-types'; Type = 'JiraConnector.IncidentType' }
        @{ Object = 'projects'; Type = 'JiraConnector.Project' }
    ) {
        $record = Get-JiraObject $Object -Instance cloud -First 1
        $record.PSObject.TypeNames[0] | Should -Be $Type
        Get-FormatData -TypeName $Type | ForEach-Object { $_.FormatViewDefinition.Control.GetType().Name } | Should -Contain 'TableControl'
    }

    It 'shows each project''s lead on <Instance>' -ForEach @(@{ Instance = 'cloud' }, @{ Instance = 'dc' }) {
        $projects = @(Get-JiraObject projects -Instance $Instance)
        $projects.Count | Should -BeGreaterThan 1
        $projects | Where-Object { -not $_.Lead } | Should -BeNullOrEmpty
        $table = $projects | Format-Table | Out-String -Width 200
        $table | Should -Match "OPS\s+Operations\s+\S+\s+$([regex]::Escape($projects.Where({ $_.Key -eq 'OPS' }).Lead))"
        (Get-JiraObject projects -Id OPS -Instance $Instance).Lead | Should -Not -BeNullOrEmpty
    }

    It 'shows a bulk job''s Id (the number Get-Job shows) beside its JobId' {
        $job = Start-JiraBulkJob -Instance cloud -Query 'select key from incidents limit 1' -OutFile (Join-Path $TestDrive 'one.csv') -JournalPath (Join-Path $TestDrive 'one-journal') | Wait-JiraBulkJob -Timeout 60
        $table = $job | Format-Table | Out-String -Width 200
        $table | Should -Match "(?m)^\s*Id\s+JobId\s"
        $table | Should -Match "(?m)^\s*$($job.Id)\s+$([regex]::Escape($job.JobId))\s"
    }

    It 'lists every resource of Get-JiraObjectType without cutting a cell short' {
        $table = Get-JiraObjectType | Out-String -Width 120
        $table | Should -Not -Match '…'
        $table | Should -Match 'page-bean \(Cloud\), none \(Data Center: expand=changelog\)'
    }
}

Describe 'List views' {
    It 'keeps Raw and RawJson out of Format-List of <Object>, and still answers them' -ForEach @(
        @{ Object = 'incidents' }
        @{ Object = 'projects' }
        @{ Object = 'serverInfo' }
    ) {
        $record = Get-JiraObject $Object -Instance cloud -First 1
        $list = $record | Format-List | Out-String -Width 200
        $list | Should -Not -Match '(?m)^Raw(Json)?\s*:'
        $list | Should -Match '(?m)^InstanceName\s*: cloud'
        ($record | Select-Object * | Get-Member -Name Raw, RawJson) | Should -BeNullOrEmpty
        $record.Raw | Should -Not -BeNullOrEmpty
        $record.RawJson | ConvertFrom-Json | Should -Not -BeNullOrEmpty
    }

    It 'still lists custom fields read by name' {
        $incident = Get-JiraObject incidents -Instance cloud -Fields summary, 'Story point estimate' -First 1
        $incident | Format-List | Out-String | Should -Match '(?m)^Story point estimate\s*:'
    }
}
