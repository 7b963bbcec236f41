@{
    Description = @'
Polls Jira again and again and writes each change as a JiraConnector.JiraEvent as soon as a poll finds it, until -Count events have come, -TimeoutSec has passed, or Ctrl+C. Each poll is the one Get-JiraEvent makes, with the same -Object (incidents, comments, worklogs), the same high-water marks per instance and object (a Get-JiraEvent after Wait-JiraEvent goes on from where it stopped), the same -StatePath file, saved after each object is read, and the same relay to the instance's callback URL. Polls come every event.poller.refresh_interval (15 minutes unless the connection sets it) or every -IntervalSec seconds, counted from the end of the last poll; a progress bar shows when the next one comes. The first poll starts from -Since when given, else from the marks (on an instance never polled: the poll interval before Jira's clock). When -TimeoutSec runs out during a poll, the poll finishes first, so what it read is written and its marks are saved; after Ctrl+C the marks of what was written are kept too, and the next poll repeats nothing written and misses nothing.
'@
    Examples    = @(
        @{ Code = 'Wait-JiraEvent -Since (Get-Date).AddDays(-1) -Count 1 -TimeoutSec 300'; Remarks = 'The first incident change of the last day, or, when there is none, the next one to come within five minutes.' }
        @{ Code = 'Wait-JiraEvent incidents, comments, worklogs -IntervalSec 60 -StatePath ./jira-events.json | ForEach-Object { "$($_.EventType) $($_.ObjectType) $($_.ObjectId)" }'; Remarks = 'Reports every change once a minute until Ctrl+C; run again later, it goes on from where it stopped.' }
        @{ Code = 'Wait-JiraEvent comments -Since (Get-Date).AddHours(-1) -Count 1 -IntervalSec 30 -TimeoutSec 120 | Select-Object ObjectType, ObjectId, EventType, Date'; Remarks = 'The first comment added or changed in the last hour, or the next one within two minutes, polled every 30 seconds.' }
    )
}
