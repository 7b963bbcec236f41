@{
    Description = @'
Registers a webhook in Jira and writes it as a JiraConnector.JiraWebhook. On an OAuth 2.0 connection to Jira Cloud it uses the dynamic webhook API (rest/api/3/webhook: a JQL filter is required, the webhook lapses after 30 days, deliveries carry the app's JWT); with -Admin, and on Basic or personal access token connections (Jira allows dynamic webhooks only to apps), it uses the admin API (rest/webhooks/1.0/webhook), which needs a Jira administrator and is the only kind that takes -Secret, with which Jira signs every delivery (X-Hub-Signature) for Receive-JiraEvent to check. With -Refresh it registers nothing new: it extends the app's dynamic webhooks (all, or those with -Id or piped from Get-JiraWebhook) to 30 days from now and writes them with their new Expires; an id that is not this app's dynamic webhook is reported as WebhookNotFound, and on a connection other than OAuth 2.0 -Refresh is refused (WebhookRefreshNeedsDynamic), since admin webhooks never expire. Receive-JiraEvent refreshes them too while it listens. -WhatIf shows what would be registered or refreshed and sends nothing.
'@
    Examples    = @(
        @{ Code = 'Register-JiraWebhook -Url https://hooks.example.com/jira -Events jira:issue_created, jira:issue_updated -Jql "project = OPS" -Admin -Secret (Read-Host -AsSecureString)'; Remarks = 'An admin webhook for OPS issues, signed with a secret.' }
        @{ Code = 'Register-JiraWebhook https://hooks.example.com/jira comment_created -Jql "project IN (OPS, WEB)" -Instance cloud-app'; Remarks = 'A dynamic webhook on an OAuth 2.0 connection.' }
        @{ Code = 'Get-JiraWebhook -Instance cloud-app | Where-Object Expires -lt (Get-Date).AddDays(7) | Register-JiraWebhook -Refresh'; Remarks = 'Extends the dynamic webhooks that would lapse within a week; run it from a daily task.' }
    )
}
