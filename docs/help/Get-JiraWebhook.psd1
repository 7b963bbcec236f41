@{
    Description = @'
Lists the webhooks registered in Jira as JiraConnector.JiraWebhook objects: on an OAuth 2.0 connection the dynamic webhooks of the app (with their expiry dates), otherwise, or with -Admin, the admin webhooks (which needs a Jira administrator). Jira never returns an admin webhook's secret. -Id keeps only the given ids; an id that is not there is a WebhookNotFound error.
'@
    Examples    = @(
        @{ Code = 'Get-JiraWebhook'; Remarks = 'Lists the webhooks of the default instance.' }
        @{ Code = 'Get-JiraWebhook -Admin | Where-Object Url -like "*old-host*" | Unregister-JiraWebhook'; Remarks = 'Deletes the admin webhooks that point at an old host, after confirmation.' }
    )
}
