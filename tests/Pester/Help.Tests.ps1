# Every exported cmdlet has full help from the shipped MAML file: synopsis, description, every
# parameter described, and at least one example. A cmdlet added without docs/help/<Name>.psd1 fails here.
BeforeDiscovery {
    Import-Module $env:JIRACONNECTOR_MODULE -Force
    $script:cmdlets = @((Get-Module JiraConnector).ExportedCmdlets.Keys | Sort-Object | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    Import-Module $env:JIRACONNECTOR_MODULE -Force
    $commonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
}

Describe 'The shipped help file' {
    It 'is in the module folder as en-US/JiraConnector.dll-Help.xml' {
        Join-Path (Get-Module JiraConnector).ModuleBase 'en-US/JiraConnector.dll-Help.xml' | Should -Exist
    }
}

Describe 'Get-Help <Name> -Full' -ForEach $cmdlets {
    BeforeAll {
        $help = Get-Help $Name -Full
    }

    It 'has a synopsis of its own' {
        "$($help.Synopsis)".Trim() | Should -Not -BeNullOrEmpty
        # Without a help file, PowerShell puts the syntax where the synopsis should be.
        $help.Synopsis | Should -Not -Match "^\s*$Name\s"
    }

    It 'has a description' {
        ($help.description.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty
    }

    It 'has at least one example with code and remarks' {
        $examples = @($help.examples.example | Where-Object { $_ })
        $examples.Count | Should -BeGreaterThan 0
        foreach ($example in $examples) {
            $example.code | Should -Not -BeNullOrEmpty
            ($example.remarks.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty
        }
    }

    It 'describes every parameter' {
        $command = Get-Command $Name
        $visible = $command.Parameters.Values |
            Where-Object { $_.Name -notin $commonParameters -and -not ($_.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] -and $_.DontShow }) } |
            ForEach-Object Name
        $documented = @($help.parameters.parameter)
        foreach ($parameter in $visible) {
            $entry = $documented | Where-Object Name -eq $parameter
            $entry | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name must be in the help"
            ($entry.description.Text -join ' ').Trim() | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name needs a description"
        }
    }
}
