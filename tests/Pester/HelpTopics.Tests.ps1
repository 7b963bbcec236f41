# The module's conceptual help and what Get-Help shows of parameter defaults.
BeforeAll {
    Import-Module $env:JIRACONNECTOR_MODULE -Force
}

Describe 'Help topics' {
    It 'has about_<Topic>' -ForEach @(
        @{ Topic = 'JiraConnector'; Text = 'Connect-JiraInstance' }
        @{ Topic = 'OCNQL'; Text = '[Story point estimate] > 3' }
    ) {
        $help = Get-Help "about_$Topic" | Out-String
        $help | Should -Match "about_$Topic"
        $help | Should -Match ([regex]::Escape($Text))
    }

    It 'shows the default of <Parameter> on <Command>' -ForEach @(
        @{ Command = 'Connect-JiraInstance'; Parameter = 'MaxRetries'; Default = '4' }
        @{ Command = 'Connect-JiraInstance'; Parameter = 'TimeoutSec'; Default = '100' }
        @{ Command = 'Get-JiraObject'; Parameter = 'PageSize'; Default = '50' }
    ) {
        (Get-Help $Command -Parameter $Parameter).defaultValue | Should -Be $Default
    }
}
