# OAuth 2.0 (3LO) with the built module against the Cloud emulator: the test plays the browser.
BeforeAll {
    Import-Module $env:JIRACONNECTOR_MODULE -Force
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')

    # Runs Connect-JiraInstance in a runspace of its own (a separate PowerShell session), follows
    # the sign-in address it prints, and returns the instance with everything the streams held.
    function Invoke-SignInSession {
        param([string] $Cache)
        $session = [powershell]::Create()
        $null = $session.AddScript({
                param($module, $url, $cache)
                Import-Module $module
                Connect-JiraInstance -SiteUrl $url -ClientId 'emu-client-id' -ClientSecret (ConvertTo-SecureString 'emu-client-secret' -AsPlainText -Force) `
                    -AuthorizationServer $url -ApiGateway $url -TokenCachePath $cache -NoBrowser -SignInTimeoutSec 30 -Name oauth -PassThru -Verbose
            }).AddArgument($env:JIRACONNECTOR_MODULE).AddArgument($env:JIRA_EMULATOR_URL).AddArgument($Cache)
        $pending = $session.BeginInvoke()
        $deadline = [datetime]::UtcNow.AddSeconds(30)
        while ($session.Streams.Information.Count -eq 0 -and -not $pending.IsCompleted -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        $address = [regex]::Match("$($session.Streams.Information[0].MessageData)", 'https?://\S+').Value
        $null = Invoke-WebRequest -Uri $address -MaximumRedirection 5
        $instance = $session.EndInvoke($pending)
        [pscustomobject]@{ Instance = $instance; Address = $address; Session = $session }
    }
}

Describe 'Connect-JiraInstance with OAuth 2.0' {
    AfterEach {
        Get-JiraInstance | Disconnect-JiraInstance -Confirm:$false
    }

    It 'signs in without a browser, and a new session reconnects from the owner-only token cache' {
        $cache = Join-Path $TestDrive 'tokens'
        $first = Invoke-SignInSession -Cache $cache

        $first.Address | Should -Match '/authorize\?.*state='
        $first.Instance.AuthType | Should -Be 'OAuth2'
        $first.Instance.User | Should -Be 'admin@example.com'
        $file = Get-ChildItem $cache -Filter *.json
        $file | Should -HaveCount 1
        if (-not $IsWindows) {
            $file.UnixFileMode | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite')
        }
        $before = (Get-Content $file.FullName -Raw | ConvertFrom-Json).refreshToken
        $first.Session.Dispose()

        # This Pester session is a new one: it must reconnect from the cache, with no sign-in address.
        $all = Connect-JiraInstance -SiteUrl $env:JIRA_EMULATOR_URL -ClientId 'emu-client-id' -ClientSecret (ConvertTo-SecureString 'emu-client-secret' -AsPlainText -Force) `
            -AuthorizationServer $env:JIRA_EMULATOR_URL -ApiGateway $env:JIRA_EMULATOR_URL -TokenCachePath $cache -NoBrowser -Name again 6>&1
        $all | Should -BeNullOrEmpty
        (Get-JiraInstance again).AuthType | Should -Be 'OAuth2'
        (Get-JiraObject projects -Instance again -First 1).Key | Should -Not -BeNullOrEmpty
        (Get-Content $file.FullName -Raw | ConvertFrom-Json).refreshToken | Should -Not -Be $before
    }

    It 'forgets the cached sign-in with Disconnect-JiraInstance -Forget' {
        $cache = Join-Path $TestDrive 'forget'
        (Invoke-SignInSession -Cache $cache).Session.Dispose()
        Connect-JiraInstance -SiteUrl $env:JIRA_EMULATOR_URL -ClientId 'emu-client-id' -ClientSecret (ConvertTo-SecureString 'emu-client-secret' -AsPlainText -Force) `
            -AuthorizationServer $env:JIRA_EMULATOR_URL -ApiGateway $env:JIRA_EMULATOR_URL -TokenCachePath $cache -NoBrowser -Name forget

        Disconnect-JiraInstance forget -Forget -Confirm:$false

        Get-ChildItem $cache -Filter *.json | Should -BeNullOrEmpty
    }

    It 'names a callback URL it cannot listen on' {
        { Connect-JiraInstance -SiteUrl $env:JIRA_EMULATOR_URL -ClientId 'emu-client-id' -ClientSecret (ConvertTo-SecureString 'x' -AsPlainText -Force) `
                -AuthorizationServer $env:JIRA_EMULATOR_URL -ApiGateway $env:JIRA_EMULATOR_URL -TokenCachePath (Join-Path $TestDrive 'cb') `
                -CallbackUrl 'https://app.example.com/callback' -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidConnectionParameter,JiraConnector.Cmdlets.ConnectJiraInstanceCommand'
    }
}
