# The relay to a callback URL loses nothing: with the receiver down, the polls of two processes
# queue their notifications on disk; once the receiver is up, a third process sends the queue
# first, then its own events, so every event arrives exactly once, in order, signed.
BeforeAll {
    Import-Module $env:JIRACONNECTOR_MODULE -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Connect-EmulatorCloud
    $script:work = Join-Path ([IO.Path]::GetTempPath()) "jc-relay-test-$([guid]::NewGuid().ToString('N').Substring(0, 8))"
    $null = New-Item -ItemType Directory -Path $work
    $script:savedRelayHome = $env:JIRACONNECTOR_RELAY_HOME
    $env:JIRACONNECTOR_RELAY_HOME = Join-Path $work 'relay'
    $script:state = Join-Path $work 'events.json'
    $script:received = Join-Path $work 'received.tsv'
    $script:signatureKey = 'relay-test-key'
    $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $probe.Start(); $script:port = $probe.LocalEndpoint.Port; $probe.Stop()
    $script:callback = "http://127.0.0.1:$port/callback/"

    # The scheduled script: one poll with the relay on, its events' ids and types as output lines.
    $script:poll = Join-Path $work 'poll.ps1'
    Set-Content $poll -Value @'
param($Module, $Url, $State, $Callback, $Key)
$ErrorActionPreference = 'Stop'
Import-Module $Module
Connect-JiraInstance -Name relayed -Configuration @{
    username = 'admin@example.com'; password = 'emu-token-admin'; 'base.url' = $Url
    'event.notification.enabled' = 'true'; 'event.notification.callback.url' = $Callback; 'event.notification.signature.key' = $Key
}
Get-JiraEvent -Instance relayed -StatePath $State -WarningAction SilentlyContinue | ForEach-Object { "$($_.ObjectId) $($_.EventType)" }
'@
    # The callback receiver: a line per POST (id, signature, body in base64), answered 200.
    $script:receiver = Join-Path $work 'receiver.ps1'
    Set-Content $receiver -Value @'
param($Prefix, $Log)
$listener = [System.Net.HttpListener]::new()
$listener.Prefixes.Add($Prefix)
$listener.Start()
Set-Content "$Log.ready" 'listening'
while ($true) {
    $context = $listener.GetContext()
    $buffer = [IO.MemoryStream]::new()
    $context.Request.InputStream.CopyTo($buffer)
    $line = "{0}`t{1}`t{2}" -f $context.Request.Headers['Elements-Webhook-Id'], $context.Request.Headers['Elements-Webhook-Signature'], [Convert]::ToBase64String($buffer.ToArray())
    [IO.File]::AppendAllText($Log, $line + "`n")
    $context.Response.StatusCode = 200
    $context.Response.Close()
}
'@ -Encoding utf8

    function Invoke-RelayedPoll {
        $output = & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $poll -Module $env:JIRACONNECTOR_MODULE `
            -Url $env:JIRA_EMULATOR_URL -State $state -Callback $callback -Key $signatureKey
        if ($LASTEXITCODE -ne 0) { throw "The relayed poll failed: $output" }
        @($output)
    }

    function Start-Receiver {
        $process = Start-Process dotnet -ArgumentList @((Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-File', $receiver, '-Prefix', $callback, '-Log', $received) -PassThru
        $deadline = [datetime]::UtcNow.AddSeconds(30)
        while (-not (Test-Path "$received.ready")) {
            if ([datetime]::UtcNow -gt $deadline -or $process.HasExited) { throw 'The callback receiver did not start.' }
            Start-Sleep -Milliseconds 100
        }
        $process
    }

    function New-Incident([string] $Summary) {
        (New-JiraObject incidents -Instance cloud -Fields @{ project = 'WEB'; issuetype = 'Task'; summary = $Summary }).Key
    }
}

AfterAll {
    if ($receiverProcess -and -not $receiverProcess.HasExited) { $receiverProcess.Kill() }
    $env:JIRACONNECTOR_RELAY_HOME = $savedRelayHome
    Get-JiraInstance | Disconnect-JiraInstance -Confirm:$false
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Relaying polled events while the callback receiver is down, across processes' {
    It 'queues in two processes, then delivers every event once, in order, signed' {
        # The first poll starts the mark; what it relays is part of what must arrive.
        $a = New-Incident 'Relay A'
        $first = @(Invoke-RelayedPoll)
        Set-JiraObject incidents $a -Instance cloud -Fields @{ summary = 'Relay A changed' }
        $b = New-Incident 'Relay B'
        $second = @(Invoke-RelayedPoll)

        $waiting = @(Get-JiraEventRelay)
        $waiting.Count | Should -BeGreaterOrEqual 2 -Because 'each process queued what the receiver could not take'
        ($waiting | Measure-Object Events -Sum).Sum | Should -Be ($first.Count + $second.Count)
        $waiting[0].Attempts | Should -BeGreaterThan 0
        $waiting[0].LastError | Should -Match 'could not be reached'

        $script:receiverProcess = Start-Receiver
        $c = New-Incident 'Relay C'
        # The first notification waits out its backoff (seconds) before it is tried again.
        $retry = @(Get-JiraEventRelay).NextAttempt | Where-Object { $_ } | Sort-Object -Descending | Select-Object -First 1
        if ($retry -and $retry -gt [DateTimeOffset]::UtcNow) { Start-Sleep -Milliseconds (($retry - [DateTimeOffset]::UtcNow).TotalMilliseconds + 200) }
        $third = @(Invoke-RelayedPoll)

        @(Get-JiraEventRelay) | Should -BeNullOrEmpty
        $posts = @(Get-Content $received | ForEach-Object { $id, $signature, $body = $_ -split "`t"; [pscustomobject]@{ Id = $id; Signature = $signature; Body = [Convert]::FromBase64String($body) } })
        $hmac = [System.Security.Cryptography.HMACSHA256]::new([Text.Encoding]::UTF8.GetBytes($signatureKey))
        foreach ($post in $posts) { $post.Signature | Should -Be ('sha256=' + [Convert]::ToBase64String($hmac.ComputeHash($post.Body))) }
        @($posts.Id | Select-Object -Unique).Count | Should -Be $posts.Count -Because 'each notification is delivered once'
        $relayed = @(foreach ($post in $posts) {
            foreach ($event in ([Text.Encoding]::UTF8.GetString($post.Body) | ConvertFrom-Json).message.events) { "$($event.objectId) $($event.eventType)" }
        })
        $relayed | Should -Be @($first + $second + $third)
        $relayed | Should -Contain "$a CREATED"
        $relayed | Should -Contain "$a UPDATED"
        $relayed | Should -Contain "$b CREATED"
        $relayed | Should -Contain "$c CREATED"
        foreach ($key in $a, $b, $c) { Remove-JiraObject incidents $key -Instance cloud -Confirm:$false }
    }
}
