# No secret in any stream: every connection cmdlet with -Verbose -Debug, all six streams captured.
BeforeAll {
    Import-Module $env:JIRACONNECTOR_MODULE -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

Describe 'Secrets never reach any stream' {
    AfterAll {
        Get-JiraInstance | Disconnect-JiraInstance -Confirm:$false
    }

    It 'keeps passwords, tokens and keys out of verbose, debug, errors and Get-JiraInstance' {
        $signatureKey = 'PESTER-SIGNATURE-KEY-42'
        # An explicit -ErrorAction/-WarningAction: -Debug alone turns errors and warnings into prompts.
        $common = @{ Verbose = $true; Debug = $true; ErrorAction = 'Continue'; WarningAction = 'Continue' }
        $configFile = Join-Path $TestDrive 'basic.json'
        @"
"configuration": {
    "username": "admin@example.com",
    "password": "emu-token-admin",
    "base.url": "$env:JIRA_EMULATOR_URL",
    "oauth.callback.url": ""
"@ | Set-Content -Path $configFile

        $text = & {
            Connect-JiraInstance -ConfigurationFile $configFile -Name fromfile -PassThru @common
            Connect-JiraInstance -Url $env:JIRA_EMULATOR_DC_URL -PersonalAccessToken (ConvertTo-SecureString 'emu-pat-admin' -AsPlainText -Force) -Name pat -PassThru @common
            Connect-JiraInstance -Name config @common -Configuration @{
                'jira.username' = 'admin'; 'jira.password' = 'admin-password'; 'jira.api.url' = $env:JIRA_EMULATOR_DC_URL
                'event.notification.enabled' = 'true'; 'event.notification.callback.url' = 'https://hooks.example.com/'
                'event.notification.signature.key' = $signatureKey; 'event.vendor.type' = 'webhook'; 'event.poller.refresh_interval' = '10'
            }
            # Terminating errors would end the block: catch them and keep their records.
            try { Connect-JiraInstance -Url $env:JIRA_EMULATOR_URL -Credential (New-EmulatorCredential -Secret 'WRONG-emu-token-admin') @common } catch { $_ }
            try { Connect-JiraInstance -Configuration @{ username = 'u'; password = 'admin-password'; 'base.uri' = 'x' } @common } catch { $_ }
            Get-JiraInstance @common
            Get-JiraInstance -Name missing @common
            Get-JiraInstance | Format-List * -Force | Out-String -Width 400
            Get-JiraInstance | ConvertTo-Json -Depth 5
            Get-JiraObject projects -Instance pat -First 1 @common
            Disconnect-JiraInstance -Name fromfile, pat, missing -Confirm:$false @common
        } *>&1 | ForEach-Object {
            if ($_ -is [System.Management.Automation.ErrorRecord]) { "$($_.FullyQualifiedErrorId) $_ $($_.Exception)" } else { "$_" }
        } | Out-String -Width 400

        $text | Should -Match 'GET http://127\.0\.0\.1:\d+/rest/api/2/serverInfo -> 200 in \d+ ms'
        $text | Should -Match 'Authorization: Basic \*\*\*'
        $text | Should -Match 'Authorization: Bearer \*\*\*'
        $text | Should -Match 'JiraAuthenticationFailed'
        $text | Should -Match 'InvalidConfigurationKey'
        foreach ($secret in 'emu-token-admin', 'emu-pat-admin', 'admin-password', $signatureKey,
            [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('admin@example.com:emu-token-admin')),
            [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes('admin:admin-password'))) {
            $text | Should -Not -Match ([regex]::Escape($secret))
        }
    }
}
