@{
    RootModule           = 'JiraConnector.dll'
    # build.ps1 writes the version from Directory.Build.props (the one source) into the shipped copy.
    ModuleVersion        = '0.0.0'
    GUID                 = '5c0d7f63-8f3c-4b8e-9a57-2f1e6d9b4a21'
    Author               = 'JiraConnector developers'
    CompanyName          = 'JiraConnector'
    Copyright            = '(c) JiraConnector developers. MIT licence.'
    Description          = 'Jira at the PowerShell prompt: Basic, PAT and OAuth 2.0 connections, normalized resources, OCNQL queries translated to JQL, automatic paging, bulk CSV jobs and events.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Core', 'Desktop')
    TypesToProcess       = @('JiraConnector.types.ps1xml')
    FormatsToProcess     = @('JiraConnector.format.ps1xml')
    # build.ps1 fills this list from the cmdlet classes in the built assembly, so it always matches.
    CmdletsToExport      = @()
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Jira', 'Atlassian', 'REST', 'OCNQL', 'JQL', 'Bulk')
            ProjectUri   = 'https://github.com/jiraconnector/JiraConnector'
            LicenseUri   = 'https://github.com/jiraconnector/JiraConnector/blob/main/LICENSE'
            # build.ps1 writes this version's section of CHANGELOG.md here.
            ReleaseNotes = ''
        }
    }
}
