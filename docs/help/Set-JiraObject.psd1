@{
    Description = @'
Changes a record with PATCH semantics: only the fields given change, and the rest keep their values (an incident edit sends Jira just those fields). Incidents, projects, comments, worklogs, incident properties, link types, versions, components, filters and sprints can be changed.

-Status moves an incident through its workflow: the cmdlet reads the transitions Jira offers now and performs the one that leads to that status, or says which statuses can be reached. Records piped in from Get-JiraObject bind -Object, -Id and their instance by property name. -WhatIf shows the change and sends nothing; -PassThru writes the record as it is afterwards.
'@
    Examples    = @(
        @{ Code = 'Set-JiraObject incidents OPS-1 -Fields @{ summary = "Disk full on db-2"; "Story point estimate" = 5 }'; Remarks = 'Changes two fields of OPS-1; nothing else changes.' }
        @{ Code = 'Get-JiraObject incidents -First 10 | Set-JiraObject -Fields @{ labels = "triaged" }'; Remarks = 'Sets the labels of ten incidents, each on the instance it was read from.' }
        @{ Code = 'Get-JiraObject projects/OPS/versions | Where-Object Name -eq "1.1" | Set-JiraObject -Fields @{ released = $true } -WhatIf'; Remarks = 'Shows how version 1.1 of OPS would be marked released, and sends nothing.' }
        @{ Code = 'Set-JiraObject incidents OPS-1 -Status Done -PassThru'; Remarks = 'Moves OPS-1 to Done through its workflow and writes the result.' }
    )
}
