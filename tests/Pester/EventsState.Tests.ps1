# Get-JiraEvent -StatePath: polls in separate processes, as a scheduled script makes them, report
# each change once: the mark lives in the state file, not in the process.
BeforeAll {
    Import-Module $env:JIRACONNECTOR_MODULE -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Connect-EmulatorCloud
    $script:work = Join-Path ([IO.Path]::GetTempPath()) "jc-eventstate-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    $null = New-Item -ItemType Directory -Path $work
    $script:state = Join-Path $work 'events.json'
    $script:child = Join-Path $work 'poll.ps1'
    Set-Content $child -Value @'
param($Module, $Url, $State)
$ErrorActionPreference = 'Stop'
Import-Module $Module
Connect-JiraInstance -Url $Url -Credential ([pscredential]::new('admin@example.com', (ConvertTo-SecureString 'emu-token-admin' -AsPlainText -Force))) -Name scheduled
Get-JiraEvent -Instance scheduled -StatePath $State | ForEach-Object { "$($_.ObjectId) $($_.EventType)" }
'@
    # One run of the scheduled script, in a process of its own: its output lines.
    function Invoke-ScheduledPoll {
        $output = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $child -Module $env:JIRACONNECTOR_MODULE -Url $env:JIRA_EMULATOR_URL -State $state
        if ($LASTEXITCODE -ne 0) { throw "The scheduled poll failed: $output" }
        @($output)
    }
}

AfterAll {
    Get-JiraInstance | Disconnect-JiraInstance -Confirm:$false
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Get-JiraEvent -StatePath across processes' {
    It 'reports a creation, then a change and another creation, each once' {
        $a = New-JiraObject incidents -Instance cloud -Fields @{ project = 'WEB'; issuetype = 'Task'; summary = 'State event A' }
        $first = @(Invoke-ScheduledPoll)
        Set-JiraObject incidents $a.Key -Instance cloud -Fields @{ summary = 'State event A changed' }
        $b = New-JiraObject incidents -Instance cloud -Fields @{ project = 'WEB'; issuetype = 'Task'; summary = 'State event B' }
        $second = @(Invoke-ScheduledPoll)
        $third = @(Invoke-ScheduledPoll)

        @($first -match "^$($a.Key) ") | Should -Be "$($a.Key) CREATED"
        @($second -match "^($($a.Key)|$($b.Key)) ") | Sort-Object | Should -Be (@("$($a.Key) UPDATED", "$($b.Key) CREATED") | Sort-Object)
        @($third -match "^($($a.Key)|$($b.Key)) ").Count | Should -Be 0
        (Get-Content $state -Raw | ConvertFrom-Json).PSObject.Properties.Name | Should -Be "$($env:JIRA_EMULATOR_URL.TrimEnd('/'))|incidents"
        foreach ($key in $a.Key, $b.Key) { Remove-JiraObject incidents $key -Instance cloud -Confirm:$false }
    }
}

Describe 'Get-JiraEvent -StatePath with a damaged file' {
    It 'stops with a clear error naming the file' {
        $bad = Join-Path $work 'bad.json'
        Set-Content $bad -Value '{ "cut in the mid'
        { Get-JiraEvent -Instance cloud -StatePath $bad -ErrorAction Stop } | Should -Throw -ErrorId 'PollStateInvalid,JiraConnector.Cmdlets.GetJiraEventCommand' -ExpectedMessage "*bad.json*"
    }
}
