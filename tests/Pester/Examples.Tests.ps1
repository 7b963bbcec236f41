# The help's examples work on the emulator's seeded data, as a newcomer would paste them: every
# example runs without an error, and every reading example returns something. They run against an
# emulator of their own, since the writing examples change seeded issues other files read.
# Examples that need what only the reader has (their own CSV file, a job id, a listener's port, a
# secret typed at a prompt, a second site) are named by the pattern that sets them aside below.
BeforeDiscovery {
    $setAside = @(
        '\$(job|request|body|key)\b'       # a variable from an earlier step of the reader's own
        'Read-Host'                         # a secret typed at a prompt
        '-Path \S+\.(csv|jsonl)|-InFile|Import-Csv|\\jobs\\'  # the reader's own input files and job folders
        'while \(\$true\)'                  # runs until stopped
        'Receive-JiraEvent'                 # a listener waiting for deliveries
        'Wait-JiraEvent(?!.*-(Count|TimeoutSec))'  # polls until Ctrl+C
        'Get-JiraEventRelay'                # what the reader's callback receiver left undelivered
        'https://\S*example\.(com|net)|old-host'  # a site or webhook receiver of the reader's own
        'Get-Credential'                    # a password typed at a prompt
        '-Instance cloud-app|-Name onprem'  # a second connection the reader has made
        '\b20260101-120000-1a2b3c4d\b'      # a job id of the reader's own
        'Start-Sleep'
        'Import-Module|Get-Help|your-site'  # the README's first steps, run by the harness itself
        'Install-PSResource|Install-Module' # the Gallery, which this machine cannot reach
    ) -join '|'
    $readingVerbs = 'Get', 'Invoke', 'ConvertTo', 'Test'
    $writes = '-WhatIf|(Remove|Set|New|Unregister|Stop|Start|Resume|Disconnect)-'
    $script:examples = @(foreach ($file in Get-ChildItem (Join-Path $PSScriptRoot '../../docs/help') -Filter '*.psd1') {
        $help = Import-PowerShellDataFile $file.FullName
        $number = 0
        foreach ($example in $help.Examples) {
            $number++
            if ($example.Code -match $setAside) { continue }
            $verb = ($example.Code -split '[-\s]')[0].TrimStart('(')
            @{ Name = "$($file.BaseName) example $number"; Code = $example.Code; Reads = ($verb -in $readingVerbs -and $example.Code -notmatch $writes) }
        }
    })
    # The README's PowerShell blocks, a line at a time, comments aside.
    $inBlock = $false
    $line = 0
    foreach ($text in Get-Content (Join-Path $PSScriptRoot '../../README.md')) {
        $line++
        if ($text -match '^```') { $inBlock = $text -eq '```powershell'; continue }
        $code = ($text -replace '\s+#\s.*$', '').Trim()
        if (-not $inBlock -or -not $code -or $code.StartsWith('#') -or $code -match $setAside) { continue }
        $verb = ($code -split '[-\s]')[0]
        $script:examples += @{ Name = "README line $line"; Code = $code; Reads = ($verb -in $readingVerbs -and $code -notmatch $writes) }
    }
}

BeforeAll {
    Import-Module $env:JIRACONNECTOR_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot '../../tools/BuildTools.psm1') -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $configuration = if (Test-Path (Join-Path $PSScriptRoot '../JiraEmulator/bin/Release/net10.0/JiraEmulator.dll')) { 'Release' } else { 'Debug' }
    $script:emulator = Start-JiraEmulator -Root (Join-Path $PSScriptRoot '../..') -Configuration $configuration -Deployment Cloud -Issues 1000
    Connect-JiraInstance -Url $emulator.Url -Credential (New-EmulatorCredential) -Name examples -Default
    # What the examples about recent work read, as a site in use has it: the seed is dated 2024, so
    # today's change, comment, webhook and bulk job are made here.
    Push-Location TestDrive:
    $made = New-JiraObject incidents -Fields @{ project = 'OPS'; issuetype = 'Task'; summary = 'Made by the examples test' }
    $null = New-JiraObject "incidents/$($made.Key)/comments" -Fields @{ body = 'Commented by the examples test' }
    $null = Register-JiraWebhook -Url http://127.0.0.1:9/hooks -Events jira:issue_created -Jql 'project = OPS' -Admin
    Start-JiraBulkJob incidents -Jql 'project = OPS' -OutFile (Join-Path $TestDrive 'seed.csv') | Wait-JiraBulkJob | Out-Null
}


AfterAll {
    Pop-Location
    Get-JiraInstance | Disconnect-JiraInstance -Confirm:$false
    if ($emulator) { Stop-JiraEmulator $emulator }
}

Describe 'Help examples on the seeded data' {
    BeforeEach {
        # The disconnecting examples leave nothing connected; the next example starts connected again.
        if (-not (Get-JiraInstance)) { Connect-JiraInstance -Url $emulator.Url -Credential (New-EmulatorCredential) -Name examples -Default }
    }

    It '<Name>: <Code>' -ForEach $examples {
        # Any error, even one that would not stop the example, fails it; nothing may ask to confirm.
        $ErrorActionPreference = 'Stop'
        $ConfirmPreference = 'None'
        $WarningPreference = 'SilentlyContinue'
        $output = @(. ([scriptblock]::Create($Code)))
        if ($Reads) { $output.Count | Should -BeGreaterThan 0 -Because 'a reading example must find something on the seeded data' }
    }
}
