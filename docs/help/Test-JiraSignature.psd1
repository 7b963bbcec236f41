@{
    Description = @'
Checks a webhook signature against the raw request body and the signature key, and returns $true or $false. It accepts the connector's Elements-Webhook-Signature (sha256=<base64 HMAC-SHA256>), sent with bulk job callbacks and events, and Jira's own X-Hub-Signature (sha256=<hex HMAC-SHA256>). The comparison takes the same time whatever the signature, so it does not leak how much of a forged signature was right.
'@
    Examples    = @(
        @{ Code = 'Test-JiraSignature -Body $request.Body -Signature $request.Headers["Elements-Webhook-Signature"] -Key $key'; Remarks = 'Checks a bulk job callback before trusting it.' }
        @{ Code = 'Test-JiraSignature $body "sha256=3c2f...e1" "webhook-secret"'; Remarks = 'Checks a Jira webhook delivery signed with X-Hub-Signature.' }
    )
}
