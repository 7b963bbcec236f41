# Get-JiraEvent incidents,comments,worklogs -StatePath, as a scheduled script runs it, a new process
# each time: every change arrives once with the right EventType, and a process killed mid-poll
# repeats nothing that was saved and misses nothing. An emulator of its own, whose worklog feeds lag
# one second behind its clock instead of Jira's minute, so the test need not wait a minute.
BeforeAll {
    Import-Module $env:JIRACONNECTOR_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/BuildTools.psm1') -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $configuration = if (Test-Path (Join-Path $PSScriptRoot '../JiraEmulator/bin/Release/net10.0/JiraEmulator.dll')) { 'Release' } else { 'Debug' }
    $script:emulator = Start-JiraEmulator -Root (Join-Path $PSScriptRoot '../..') -Configuration $configuration -Deployment Cloud -Issues 20 -ExtraArguments '--worklog-feed-lag', '1'
    Connect-JiraInstance -Url $emulator.Url -Credential (New-EmulatorCredential) -Name changes
    $script:work = Join-Path ([IO.Path]::GetTempPath()) "jc-polling-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    $null = New-Item -ItemType Directory -Path $work
    $script:state = Join-Path $work 'events.json'
    $script:out = Join-Path $work 'events.txt'
    # The scheduled script: each event as a line in a file, as it arrives; -KillAfter kills the
    # process (no clean-up of any kind) once that many events of -KillOn were written.
    $script:child = Join-Path $work 'poll.ps1'
    Set-Content $child -Value @'
param($Module, $Url, $State, $Out, $KillOn, [int] $KillAfter)
$ErrorActionPreference = 'Stop'
Import-Module $Module
Connect-JiraInstance -Url $Url -Credential ([pscredential]::new('admin@example.com', (ConvertTo-SecureString 'emu-token-admin' -AsPlainText -Force))) -Name scheduled
$seen = 0
Get-JiraEvent incidents, comments, worklogs -Instance scheduled -StatePath $State | ForEach-Object {
    Add-Content -LiteralPath $Out -Value "$($_.ObjectType) $($_.ObjectId) $($_.EventType)"
    if ($KillAfter -and $_.ObjectType -like $KillOn -and ++$seen -ge $KillAfter) { Stop-Process -Id $PID -Force }
}
'@
    # One run of the scheduled script in a process of its own: the events it wrote, as lines.
    function Invoke-ScheduledPoll([string] $KillOn = '', [int] $KillAfter = 0) {
        Remove-Item $out -ErrorAction SilentlyContinue
        $output = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $child -Module $env:JIRACONNECTOR_MODULE `
            -Url $emulator.Url -State $state -Out $out -KillOn $KillOn -KillAfter $KillAfter
        if ($LASTEXITCODE -ne 0 -and -not $KillAfter) { throw "The scheduled poll failed: $output" }
        if ($KillAfter -and $LASTEXITCODE -eq 0) { throw 'The poll was to be killed, and ended.' }
        @(if (Test-Path $out) { Get-Content $out })
    }

    function New-Incident([string] $Summary) {
        New-JiraObject incidents -Instance changes -Fields @{ project = 'OPS'; issuetype = 'Task'; summary = $Summary }
    }

    # The worklog feeds answer only what is a second old.
    function Wait-WorklogFeed { Start-Sleep -Milliseconds 1500 }
}

AfterAll {
    Get-JiraInstance | Disconnect-JiraInstance -Confirm:$false
    if ($emulator) { Stop-JiraEmulator $emulator }
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Get-JiraEvent incidents, comments, worklogs -StatePath across processes' {
    It 'reports each change once, with its EventType' {
        $b = New-Incident 'Poll B'
        $first = @(Invoke-ScheduledPoll)
        $first | Should -Contain "incidents $($b.Key) CREATED"

        # Between two runs: an incident created, one changed, a comment and a worklog added, a worklog added and deleted.
        $a = New-Incident 'Poll A'
        Set-JiraObject incidents $b.Key -Instance changes -Fields @{ summary = 'Poll B changed' }
        $comment = New-JiraObject "incidents/$($a.Key)/comments" -Instance changes -Fields @{ body = 'First comment' }
        $kept = New-JiraObject "incidents/$($b.Key)/worklogs" -Instance changes -Fields @{ timeSpent = '1h'; started = [datetime]::UtcNow }
        $dropped = New-JiraObject "incidents/$($b.Key)/worklogs" -Instance changes -Fields @{ timeSpent = '2h'; started = [datetime]::UtcNow }
        $dropped | Remove-JiraObject -Confirm:$false
        Wait-WorklogFeed
        $second = @(Invoke-ScheduledPoll)

        # An incident that gained a comment or a worklog is itself UPDATED: polling sees its latest state.
        $second | Should -Contain "incidents $($a.Key) UPDATED"
        $second | Should -Contain "incidents $($b.Key) UPDATED"
        $second | Should -Contain "incidents/$($a.Key)/comments $($comment.Id) CREATED"
        @($second -match " $($kept.Id) ") | Should -Be "incidents/$($b.Id)/worklogs $($kept.Id) CREATED"
        @($second -match " $($dropped.Id) ") | Should -Be "worklogs $($dropped.Id) DELETED"
        @($second | Group-Object | Where-Object Count -gt 1) | Should -BeNullOrEmpty -Because 'no event is reported twice'

        $third = @(Invoke-ScheduledPoll)
        @($third -match "$($a.Key)|$($b.Key)|$($kept.Id)|$($dropped.Id)") | Should -BeNullOrEmpty -Because 'nothing changed since the second run'

        # Changed again: the comment and the worklog are UPDATED.
        $comment | Set-JiraObject -Fields @{ body = 'Edited comment' }
        $kept | Set-JiraObject -Fields @{ timeSpent = '3h' }
        Wait-WorklogFeed
        $fourth = @(Invoke-ScheduledPoll)
        $fourth | Should -Contain "incidents/$($a.Key)/comments $($comment.Id) UPDATED"
        @($fourth -match " $($kept.Id) ") | Should -Be "incidents/$($b.Id)/worklogs $($kept.Id) UPDATED"
        @(Invoke-ScheduledPoll) -match "$($comment.Id)|$($kept.Id)" | Should -BeNullOrEmpty
    }

    It 'after a kill, repeats what the killed run did not save, and nothing it saved' {
        $made = @(1..3 | ForEach-Object { New-Incident "Poll kill $_" })
        $commented = New-JiraObject "incidents/$($made[0].Key)/comments" -Instance changes -Fields @{ body = 'Before the kill' }

        # Killed at its second incident: nothing was saved, so the next run reports all of it again.
        $killed = @(Invoke-ScheduledPoll -KillOn 'incidents' -KillAfter 2)
        $killed.Count | Should -Be 2
        $next = @(Invoke-ScheduledPoll)
        foreach ($incident in $made) { @($next -match "^incidents $($incident.Key) ").Count | Should -Be 1 -Because 'a change is not lost with the killed run' }
        $next | Should -Contain "incidents/$($made[0].Key)/comments $($commented.Id) CREATED"

        # Killed in its comments, after its incidents were read and saved: only the comments come again.
        $later = New-JiraObject "incidents/$($made[1].Key)/comments" -Instance changes -Fields @{ body = 'After the kill' }
        $killedInComments = @(Invoke-ScheduledPoll -KillOn 'incidents/*/comments' -KillAfter 1)
        $killedInComments | Should -Contain "incidents $($made[1].Key) UPDATED"
        $killedInComments | Should -Contain "incidents/$($made[1].Key)/comments $($later.Id) CREATED"
        $afterKill = @(Invoke-ScheduledPoll)
        $afterKill | Should -Contain "incidents/$($made[1].Key)/comments $($later.Id) CREATED"
        @($afterKill -match '^incidents [A-Z]+-\d+ ') | Should -BeNullOrEmpty -Because 'the incidents were saved before the kill'
        @(Invoke-ScheduledPoll) -match $later.Id | Should -BeNullOrEmpty
    }
}

Describe 'Wait-JiraEvent' {
    BeforeAll {
        # Wait-JiraEvent in a runspace of its own, as a console runs it: its events are read while it
        # still waits. It first drains what came before (Get-JiraEvent moves the same marks), then says so.
        function Start-Waiting([string] $Arguments) {
            $script:waiter = [powershell]::Create()
            $null = $waiter.AddScript(@"
Import-Module '$env:JIRACONNECTOR_MODULE'
Connect-JiraInstance -Url '$($emulator.Url)' -Credential ([pscredential]::new('admin@example.com', (ConvertTo-SecureString 'emu-token-admin' -AsPlainText -Force))) -Name waiting
`$null = Get-JiraEvent incidents, comments -Instance waiting
'ready'
Wait-JiraEvent -Instance waiting $Arguments
"@)
            $script:arrived = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $script:running = $waiter.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $arrived)
            Wait-Until { $arrived.Count -ge 1 -or $running.IsCompleted } 60
            if ($arrived[0] -ne 'ready') { throw "Wait-JiraEvent did not start: $($waiter.Streams.Error)" }
        }

        function Wait-Until([scriptblock] $Condition, [int] $Seconds) {
            $until = [datetime]::UtcNow.AddSeconds($Seconds)
            while (-not (& $Condition) -and [datetime]::UtcNow -lt $until) { Start-Sleep -Milliseconds 100 }
        }

        # What arrived after 'ready', read by index: enumerating the collection would wait until it closes.
        function Get-Arrived { @(for ($i = 1; $i -lt $arrived.Count; $i++) { $e = $arrived[$i]; "$($e.ObjectType) $($e.ObjectId) $($e.EventType)" }) }
    }

    AfterEach {
        if ($waiter) { $waiter.Stop(); $waiter.Dispose(); $script:waiter = $null }
    }

    It 'streams changes made while it waits, and stops at -Count' {
        Start-Waiting 'incidents, comments -IntervalSec 1 -Count 3 -TimeoutSec 120'
        $made = New-Incident 'Made while waiting'
        Wait-Until { (Get-Arrived).Count -ge 1 } 60
        Get-Arrived | Should -Be "incidents $($made.Key) CREATED"
        $arrived[1].Instance | Should -Be 'waiting'
        $running.IsCompleted | Should -BeFalse -Because 'the first event comes out while Wait-JiraEvent still waits for two more'

        $comment = New-JiraObject "incidents/$($made.Key)/comments" -Instance changes -Fields @{ body = 'Said while waiting' }
        Wait-Until { $running.IsCompleted } 60
        $running.IsCompleted | Should -BeTrue -Because '-Count 3 was reached'
        $waiter.Streams.Error | Should -BeNullOrEmpty
        Get-Arrived | Should -Be "incidents $($made.Key) CREATED", "incidents $($made.Key) UPDATED", "incidents/$($made.Key)/comments $($comment.Id) CREATED"
    }

    It 'stops after -TimeoutSec when nothing changes, and Ctrl+C stops it at once' {
        Start-Waiting 'incidents -IntervalSec 1 -TimeoutSec 3'
        Wait-Until { $running.IsCompleted } 60
        $running.IsCompleted | Should -BeTrue -Because '-TimeoutSec 3 passed'
        $waiter.Streams.Error | Should -BeNullOrEmpty
        Get-Arrived | Should -BeNullOrEmpty
        $waiter.Dispose()

        Start-Waiting 'incidents -IntervalSec 600'
        $stopping = $waiter.BeginStop($null, $null)
        Wait-Until { $stopping.IsCompleted } 30
        $running.IsCompleted | Should -BeTrue -Because 'Stop (Ctrl+C) ends a wait of ten minutes'
    }
}
