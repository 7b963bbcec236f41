# The built module against the loopback emulator: connecting, who we are, and auth failures.
BeforeAll {
    Import-Module $env:JIRACONNECTOR_MODULE -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
}

Describe 'Connect-JiraInstance' {
    AfterEach {
        Get-JiraInstance | Disconnect-JiraInstance -Confirm:$false
    }

    It 'connects to Cloud with an e-mail and API token and records the deployment' {
        Connect-JiraInstance -Url $env:JIRA_EMULATOR_URL -Credential (New-EmulatorCredential) -Name cloud

        $instance = Get-JiraInstance -Name cloud
        $instance.Deployment | Should -Be 'Cloud'
        $instance.AuthType | Should -Be 'Basic'
        $instance.User | Should -Be 'admin@example.com'
        $instance.IsDefault | Should -BeTrue
    }

    It 'connects to Data Center with a personal access token' {
        $token = ConvertTo-SecureString 'emu-pat-admin' -AsPlainText -Force
        Connect-JiraInstance -Url $env:JIRA_EMULATOR_DC_URL -PersonalAccessToken $token -Name dc

        $instance = Get-JiraInstance -Name dc
        $instance.Deployment | Should -Be 'DataCenter'
        $instance.AuthType | Should -Be 'PersonalAccessToken'
    }

    It 'fails with JiraAuthenticationFailed for a wrong API token' {
        $wrong = New-EmulatorCredential -Secret 'not-the-token'
        { Connect-JiraInstance -Url $env:JIRA_EMULATOR_URL -Credential $wrong -ErrorAction Stop } |
            Should -Throw -ErrorId 'JiraAuthenticationFailed,JiraConnector.Cmdlets.ConnectJiraInstanceCommand'
        Get-JiraInstance | Should -BeNullOrEmpty
    }

    It 'never shows the secret in its error text' {
        $wrong = New-EmulatorCredential -Secret 'SECRET-do-not-print'
        $failure = { Connect-JiraInstance -Url $env:JIRA_EMULATOR_URL -Credential $wrong -Verbose -ErrorAction Stop 4>&1 } |
            Should -Throw -PassThru
        $failure.ToString() | Should -Not -Match 'SECRET-do-not-print'
        $failure.Exception.Message | Should -Match '401'
    }

    It 'sends no credentials over plain http through an HTTP_PROXY off this machine' {
        # The system proxy is read once per process: a fresh pwsh, started with HTTP_PROXY set.
        $session = {
            param($module, $url)
            Import-Module $module
            $credential = [pscredential]::new('admin@example.com', (ConvertTo-SecureString 'emu-token-admin' -AsPlainText -Force))
            $refused = try { Connect-JiraInstance -Url $url -Credential $credential -ErrorAction Stop; 'connected' } catch { $_.FullyQualifiedErrorId + ' ' + $_.Exception.Message }
            $direct = try { Connect-JiraInstance -Url $url -Credential $credential -NoProxy -Name direct -ErrorAction Stop; 'connected' } catch { $_.Exception.Message }
            @{ Refused = $refused; Direct = $direct }
        }
        $pwsh = Join-Path $PSHOME 'pwsh.dll'
        $env:HTTP_PROXY = 'http://192.0.2.1:3128'
        try {
            $json = & dotnet $pwsh -NoProfile -NonInteractive -Command "& { $session } '$env:JIRACONNECTOR_MODULE' '$env:JIRA_EMULATOR_URL' | ConvertTo-Json -Compress" 2>&1
        }
        finally {
            Remove-Item Env:HTTP_PROXY
        }
        $result = "$json" | ConvertFrom-Json
        $result.Refused | Should -Match '^InvalidConnectionParameter,.* through the proxy http://192\.0\.2\.1'
        $result.Direct | Should -Be 'connected'
    }

    It 'refuses a URL that is not http or https' {
        { Connect-JiraInstance -Url 'ftp://example.com' -Credential (New-EmulatorCredential) -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidConnectionParameter,JiraConnector.Cmdlets.ConnectJiraInstanceCommand'
    }
}

Describe 'Get-JiraInstance and Disconnect-JiraInstance' {
    AfterEach {
        Get-JiraInstance | Disconnect-JiraInstance -Confirm:$false
    }

    It 'keeps two instances, one default, and falls back when the default disconnects' {
        Connect-JiraInstance -Url $env:JIRA_EMULATOR_URL -Credential (New-EmulatorCredential) -Name first
        Connect-JiraInstance -Url $env:JIRA_EMULATOR_DC_URL -Credential (New-EmulatorCredential -User 'admin' -Secret 'admin-password') -Name second

        (Get-JiraInstance).Name | Should -Be @('first', 'second')
        (Get-JiraInstance -Default).Name | Should -Be 'first'

        Disconnect-JiraInstance -Name first -Confirm:$false
        (Get-JiraInstance -Default).Name | Should -Be 'second'
    }

    It 'reports NotConnected when nothing is connected' {
        { Get-JiraObject -Object projects -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotConnected,JiraConnector.Cmdlets.GetJiraObjectCommand'
    }
}
