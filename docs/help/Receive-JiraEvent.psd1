@{
    Description = @'
Listens on a local HTTP address for the webhooks Jira sends and writes each delivery as a JiraConnector.JiraEvent (ObjectType and ObjectId name the object as Get-JiraObject does, e.g. incidents OPS-1 or incidents/OPS-1/comments 10001; EventType is CREATED, UPDATED, DELETED or UNKNOWN; Raw holds Jira's body). With -Secret (the admin webhook's secret) every delivery must carry X-Hub-Signature: sha256=<hex HMAC-SHA256 of the body>; a missing or wrong signature is answered 401 and reported as a WebhookSignatureMissing or WebhookSignatureInvalid error, and nothing is written for it. Good deliveries are answered 200 at once; repeats of a delivery (same X-Atlassian-Webhook-Identifier) are dropped. The listener accepts loopback addresses only unless -AllowRemote is given; to receive from Jira Cloud, put a tunnel or reverse proxy in front of it. It stops after -Count events, after -TimeoutSec seconds, or at Ctrl+C. When the instance has a callback URL (event.notification.*), each event is also delivered there.
'@
    Examples    = @(
        @{ Code = 'Receive-JiraEvent -Prefix http://127.0.0.1:8080/jira/ -Secret (Read-Host -AsSecureString) -Count 1'; Remarks = 'Waits for one signed delivery and writes it.' }
        @{ Code = 'Receive-JiraEvent http://127.0.0.1:8080/ -TimeoutSec 600 | Where-Object EventType -eq DELETED'; Remarks = 'Listens for ten minutes and keeps the deletions.' }
    )
}
