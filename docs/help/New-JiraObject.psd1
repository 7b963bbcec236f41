@{
    Description = @'
Creates a record and writes it, read back as a typed object. Incidents, projects, comments and worklogs of an incident, incident properties, watchers, transitions, links (incidents/KEY/links -Fields @{ Type = 'Blocks'; Other = 'OPS-2' }) and link types, versions and components of a project, filters and their shares, boards (over a filter) and their sprints, users (contacts), groups and group members (groups/NAME/members -Id with the account id, or the user name on Data Center) can be created; New-JiraObject sprints/ID/issues -Id KEY moves an incident into a sprint; an attachment is made from a file with -InFile (sent as multipart/form-data, as Jira takes uploads).

Fields come from -Fields (a hashtable) or from the properties of objects on the pipeline, one record per object. Incident fields may be named by id (customfield_10016) or display name (Story point estimate); simple values take the shape each field needs (priority 'High' becomes {"name":"High"}, a user becomes its account id), and plain text becomes ADF on Cloud for descriptions, environments, text-area custom fields, comment bodies and worklog comments. -WhatIf shows what would be created and sends nothing.
'@
    Examples    = @(
        @{ Code = 'New-JiraObject incidents -Fields @{ project = "OPS"; issuetype = "Task"; summary = "Disk full on db-1"; description = "Seen at 02:00"; labels = "disk" }'; Remarks = 'Creates an incident and writes it.' }
        @{ Code = 'New-JiraObject incidents/OPS-1/comments -Fields @{ body = "Fixed in build 42" }'; Remarks = 'Adds a comment to OPS-1.' }
        @{ Code = 'New-JiraObject incidents/OPS-1/worklogs -Fields @{ timeSpent = "1h 30m"; comment = "Investigation" }'; Remarks = 'Logs an hour and a half on OPS-1, starting now.' }
        @{ Code = 'New-JiraObject incidents/OPS-1/attachments -InFile ./runbook.pdf'; Remarks = 'Attaches runbook.pdf to OPS-1 and writes the attachment.' }
        @{ Code = 'New-JiraObject groups/jira-software-users/members -Id (Get-JiraObject contacts -First 1).Id -WhatIf'; Remarks = 'Shows the user it would add to the group, and sends nothing.' }
        @{ Code = 'New-JiraObject incidents/OPS-1/links -Fields @{ Type = "Blocks"; Other = "OPS-2" }'; Remarks = 'Links OPS-1 to OPS-2: OPS-1 blocks OPS-2.' }
        @{ Code = 'New-JiraObject projects/OPS/versions -Fields @{ name = "2.1"; releaseDate = "2026-12-31" } -WhatIf'; Remarks = 'Shows the version it would add to project OPS, and sends nothing.' }
        @{ Code = 'New-JiraObject filters -Fields @{ name = "My open work"; jql = "assignee = currentUser() AND resolution IS EMPTY" }'; Remarks = 'Saves a filter and writes it; share it with New-JiraObject filters/ID/permissions -Fields @{ type = "group"; groupname = "jira-software-users" }.' }
        @{ Code = 'Import-Csv new.csv | New-JiraObject incidents'; Remarks = 'Creates one incident per CSV row; the column names are the field names.' }
    )
}
