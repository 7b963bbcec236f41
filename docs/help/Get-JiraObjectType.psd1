@{
    Description = @'
Describes the resources the module maps (the connector's GET /objects): for each, its Jira REST path, the verbs it supports (GET for Get-JiraObject, POST for New-JiraObject, PATCH for Set-JiraObject, DELETE for Remove-JiraObject), its paging style and its fields. For incidents the fields are the instance's own, read from GET field (custom fields included); the ones JQL can search are marked queryable and filtered by Jira. Other resources list the properties of their records; a query filters those on the client unless Jira has a parameter for them.
'@
    Examples    = @(
        @{ Code = 'Get-JiraObjectType'; Remarks = 'Lists every resource with its verbs, paging and Jira path.' }
        @{ Code = '(Get-JiraObjectType incidents).Fields | Where-Object Queryable'; Remarks = 'Lists the incident fields that a query can use.' }
    )
}
