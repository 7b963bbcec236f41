# Faults injected by the emulator, met by the built module: Retry-After, 503, timeouts, drops, and
# two instances with their own credentials (as the emulator's request log shows).
BeforeAll {
    Import-Module $env:JIRACONNECTOR_MODULE -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    $admin = $env:JIRA_EMULATOR_URL.TrimEnd('/') + '/__emulator'
    function Add-Fault([hashtable] $Rule) { $null = Invoke-RestMethod -Method Post -Uri "$admin/faults" -Body ($Rule | ConvertTo-Json) -ContentType 'application/json' }
    function Get-Requests([string] $Path) {
        # Invoke-RestMethod writes a JSON array as one object: assigning it first lets the pipe enumerate it.
        $all = Invoke-RestMethod -Uri "$admin/requests"
        $all | Where-Object { $_.path -like "*$Path*" }
    }
    # An abandoned request is logged when the emulator notices the abort: wait until the log settles.
    function Get-SettledRequests([string] $Path) {
        $count = -1
        for ($i = 0; $i -lt 8; $i++) {
            $now = @(Get-Requests $Path)
            if ($now.Count -eq $count -and $count -gt 0) { return $now }
            $count = $now.Count
            Start-Sleep -Milliseconds 700
        }
        $now
    }
}

Describe 'Resilience of a connected instance' {
    BeforeEach {
        Invoke-RestMethod -Method Delete -Uri "$admin/faults"
        Invoke-RestMethod -Method Delete -Uri "$admin/requests"
    }
    AfterEach {
        Invoke-RestMethod -Method Delete -Uri "$admin/faults"
        Get-JiraInstance | Disconnect-JiraInstance -Confirm:$false
    }

    It 'waits out a 429 with Retry-After: 2 and then succeeds' {
        Connect-EmulatorCloud
        Add-Fault @{ status = 429; retryAfterSeconds = 2; count = 1; pathContains = '/project' }

        $clock = [Diagnostics.Stopwatch]::StartNew()
        $project = Get-JiraObject projects -First 1
        $clock.Stop()

        $project | Should -Not -BeNullOrEmpty
        $clock.Elapsed.TotalSeconds | Should -BeGreaterOrEqual 1.95
        (Get-Requests '/project').status | Should -Be @(429, 200)
    }

    It 'succeeds after a 503' {
        Connect-EmulatorCloud
        Add-Fault @{ status = 503; count = 1; pathContains = '/project' }

        Get-JiraObject projects -First 1 | Should -Not -BeNullOrEmpty
        (Get-Requests '/project').status | Should -Be @(503, 200)
    }

    It 'reports a timeout clearly after -MaxRetries' {
        Connect-JiraInstance -Url $env:JIRA_EMULATOR_URL -Credential (New-EmulatorCredential) -Name slow -TimeoutSec 1 -MaxRetries 1
        Add-Fault @{ latencyMs = 3000; count = 2; pathContains = '/project' }

        { Get-JiraObject projects -First 1 -ErrorAction Stop } | Should -Throw -ErrorId 'JiraTimeout,JiraConnector.Cmdlets.GetJiraObjectCommand'
        Get-SettledRequests '/project' | Should -HaveCount 2
    }

    It 'reports a dropped connection clearly after -MaxRetries' {
        Connect-JiraInstance -Url $env:JIRA_EMULATOR_URL -Credential (New-EmulatorCredential) -Name drop -MaxRetries 2
        Add-Fault @{ drop = $true; count = 10; pathContains = '/project' }

        { Get-JiraObject projects -First 1 -ErrorAction Stop } | Should -Throw -ErrorId 'JiraConnectionFailed,JiraConnector.Cmdlets.GetJiraObjectCommand'
        Get-SettledRequests '/project' | Should -HaveCount 3
    }

    It 'uses two instances in one session, each with its own credentials' {
        Connect-JiraInstance -Url $env:JIRA_EMULATOR_URL -Credential (New-EmulatorCredential) -Name admin
        Connect-JiraInstance -Url $env:JIRA_EMULATOR_URL -Credential (New-EmulatorCredential -User 'alice@example.com' -Secret 'emu-token-alice') -Name alice
        Invoke-RestMethod -Method Delete -Uri "$admin/requests"

        $null = Get-JiraObject projects -Instance alice -First 1
        $null = Get-JiraObject projects -Instance admin -First 1

        (Get-Requests '/project').user | Should -Be @('alice@example.com', 'admin@example.com')
    }
}
