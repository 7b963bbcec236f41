# Shared by the Pester files: the emulator's seeded credentials (see tests/JiraEmulator/README.md).
function New-EmulatorCredential {
    param([string] $User = 'admin@example.com', [string] $Secret = 'emu-token-admin')
    [pscredential]::new($User, (ConvertTo-SecureString $Secret -AsPlainText -Force))
}

function Connect-EmulatorCloud {
    param([string] $Name = 'cloud')
    Connect-JiraInstance -Url $env:JIRA_EMULATOR_URL -Credential (New-EmulatorCredential) -Name $Name
}

function Connect-EmulatorDataCenter {
    param([string] $Name = 'dc')
    Connect-JiraInstance -Url $env:JIRA_EMULATOR_DC_URL -Credential (New-EmulatorCredential -User 'admin' -Secret 'admin-password') -Name $Name
}
