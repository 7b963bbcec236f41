@{
    Description = @'
Deletes records where Jira allows it: incidents, projects (with all their incidents), comments, worklogs, incident properties, watchers, attachments, links and link types, versions, components, filters and their shares, boards (with their sprints), sprints, users, groups and group members; Remove-JiraObject sprints/ID/issues -Id KEY moves an incident out of the sprint, back to the backlog. Deleting cannot be undone, so the cmdlet asks for confirmation unless -Confirm:$false is given; -WhatIf shows what would be deleted and sends nothing. Records piped in from Get-JiraObject bind -Object, -Id and their instance by property name. A record that does not exist is a JiraNotFound error.
'@
    Examples    = @(
        @{ Code = 'Remove-JiraObject incidents OPS-123'; Remarks = 'Deletes OPS-123 after asking for confirmation.' }
        @{ Code = 'Get-JiraObject incidents/OPS-1/comments | Where-Object Author -eq "Bot" | Remove-JiraObject -Confirm:$false'; Remarks = 'Deletes the comments a bot wrote on OPS-1, without asking.' }
        @{ Code = 'Remove-JiraObject projects TEST -WhatIf'; Remarks = 'Shows what would be deleted and sends nothing.' }
    )
}
