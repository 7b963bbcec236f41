@{
    Description = @'
Connects to a Jira Cloud site or a Jira Data Center server and adds it to the session under a name. The first call reads serverInfo to learn the deployment, which decides the REST version (/rest/api/3 with ADF rich text on Cloud, /rest/api/2 on Data Center) and the search endpoint, then reads /myself to check the credentials.

Several instances can be connected at once; the first one (or the one connected with -Default) is the default that other cmdlets use when -Instance is not given. Secrets stay in memory and never appear in output, verbose, debug or error text.
'@
    Examples    = @(
        @{
            Code    = 'Connect-JiraInstance -Url https://example.atlassian.net -Credential (Get-Credential me@example.com)'
            Remarks = 'Connects to a Cloud site with an e-mail address and an API token (typed as the password), using Basic authentication.'
        }
        @{
            Code    = '$token = Read-Host -AsSecureString "Token"; Connect-JiraInstance -Url https://jira.example.com -PersonalAccessToken $token -Name onprem'
            Remarks = 'Connects to a Data Center server with a personal access token (sent as a Bearer token) and names the instance onprem.'
        }
    )
}
