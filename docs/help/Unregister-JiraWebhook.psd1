@{
    Description = @'
Deletes webhooks from Jira by id, or piped from Get-JiraWebhook (a piped webhook says which API it lives in). On an OAuth 2.0 connection ids are dynamic webhooks unless -Admin is given; on other connections they are admin webhooks. Deleting cannot be undone, so the cmdlet asks for confirmation unless -Confirm:$false is given; -WhatIf shows what would be deleted and sends nothing.
'@
    Examples    = @(
        @{ Code = 'Unregister-JiraWebhook 1 -Confirm:$false'; Remarks = 'Deletes webhook 1 without asking.' }
        @{ Code = 'Get-JiraWebhook | Unregister-JiraWebhook -WhatIf'; Remarks = 'Shows which webhooks would be deleted and sends nothing.' }
    )
}
