@{
    Description = @'
Lists the Jira instances connected in this session: name, deployment (Cloud or DataCenter), authentication type, user and URL, and which one is the default. Names take wildcards; a name that matches nothing is an InstanceNotFound error.
'@
    Examples    = @(
        @{ Code = 'Get-JiraInstance'; Remarks = 'Lists every connected instance.' }
        @{ Code = 'Get-JiraInstance -Default'; Remarks = 'Shows the instance that cmdlets use when -Instance is not given.' }
    )
}
