@{
    Description = @'
Reads records of a normalized resource and streams them into the pipeline page by page, fetching the next page while the pipeline works on the current one, so memory stays flat however many records pass.

Resources: incidents (issues) and their children incidents/KEY/comments, worklogs, attachments, links, history, transitions, watchers and properties; link-types; projects/KEY/versions and projects/KEY/components; filters and filters/ID/permissions (who a filter is shared with); boards, boards/ID/sprints and sprints/ID/issues (Jira Software's Agile API); agents (assignable users of -Project), contacts (users), groups and groups/NAME/members, projects, worklogs (everything changed since -Since), notification-schemes, permission-schemes, issuesecurity-schemes, incident-types, priorities, statuses, fields and project-categories. Any other name is taken as a Jira REST path and read as is (for example serverInfo or issue/OPS-1/comment); its paging is detected from the answer.

Incidents are read several requests at once (-ThrottleLimit, default 4; 1 reads page after page), in the query's order, as Invoke-JiraQuery describes.

Each record has a type (JiraConnector.Incident, .Project, .User, .Comment, ...) with the common properties flattened, plain text where Cloud sends ADF, and the whole Jira JSON in Raw and RawJson. -First, -Skip and -IncludeTotalCount follow PowerShell's paging conventions and -NextPage continues from where the last read on the instance stopped. Get-JiraObjectType lists the resources with their fields.
'@
    Examples    = @(
        @{ Code = 'Get-JiraObject incidents/OPS-1/attachments -Id 10000 -OutFile notes.txt'; Remarks = 'Saves the file of attachment 10000 of OPS-1 as notes.txt (streamed to disk) and writes the file.' }
        @{ Code = 'Get-JiraObject incidents -First 20'; Remarks = 'Reads the first 20 incidents (issues) of the default instance, in key order.' }
        @{ Code = 'Get-JiraObject incidents OPS-1 -Fields summary, status, "Story point estimate"'; Remarks = 'Reads one incident with three fields; the custom field, named by its display name, becomes a property of that name.' }
        @{ Code = 'Get-JiraObject incidents/OPS-1/comments | Format-Table'; Remarks = 'Lists the comments of OPS-1, with their text as plain text.' }
        @{ Code = 'Get-JiraObject agents -Project OPS'; Remarks = 'Lists the users who can be assigned incidents of project OPS.' }
        @{ Code = 'Get-JiraObject worklogs -Since 2024-01-01 -First 100'; Remarks = 'Reads the first 100 worklogs changed since 1 January 2024, through worklog/updated and worklog/list in batches of 1000. Jira leaves out what changed in the last minute, so a worklog added just now is read by the next run.' }
        @{ Code = 'Get-JiraObject projects/OPS/versions | Where-Object Released -eq $false'; Remarks = 'Lists the versions (releases) of project OPS that are not released yet.' }
        @{ Code = 'Get-JiraObject boards | Where-Object Type -eq scrum | Select-Object -First 1 | ForEach-Object { Get-JiraObject "boards/$($_.Id)/sprints" }'; Remarks = 'Lists the sprints of the first scrum board.' }
        @{ Code = 'Get-JiraObject incidents/OPS-1/links'; Remarks = 'Lists the links of OPS-1, each told from OPS-1 (Relation "blocks" or "is blocked by", and the Other incident).' }
        @{ Code = 'Get-JiraObject serverInfo | Select-Object -ExpandProperty Raw'; Remarks = 'Reads a REST path the module has no resource for, and shows Jira''s answer.' }
    )
}
