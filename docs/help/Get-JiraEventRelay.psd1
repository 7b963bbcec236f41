@{
    Description = @'
Shows the notifications that wait in the relay queue to reach a callback URL, oldest first, as JiraConnector.QueuedNotification objects: when each was queued, its instance, how many events it carries, how many tries failed, when it is tried next and why the last try failed (the URL is shown with any query token hidden). Get-JiraEvent, Wait-JiraEvent and Receive-JiraEvent write every notification to this queue before sending it and delete it once the receiver answered 2xx; one the receiver refused or could not take waits here, and the next relay to the same callback URL, in any session or process, sends the queue first, in order, with backoff (2 seconds after the first failure, doubling to 5 minutes), and with the same Elements-Webhook-Id on every try so that a receiver can drop a repeat. The queue lives in the user's data folder (~/.local/share/JiraConnector/relay on Linux and macOS, %LOCALAPPDATA%\JiraConnector\relay on Windows, or $env:JIRACONNECTOR_RELAY_HOME), readable by its owner only; it holds the events' bodies, never a key or a signature. Without -Instance every queue is shown; with it, the queue of that instance's callback URL. Deleting a notification's Path drops it.
'@
    Examples    = @(
        @{ Code = 'Get-JiraEventRelay'; Remarks = 'What waits to be relayed, from every session of this user.' }
        @{ Code = 'Get-JiraEventRelay -Instance prod | Where-Object Attempts -gt 20 | Remove-Item -LiteralPath { $_.Path }'; Remarks = 'Drops the notifications of one instance that failed more than 20 times (they are lost to the receiver).' }
    )
}
