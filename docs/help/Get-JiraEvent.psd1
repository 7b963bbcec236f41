@{
    Description = @'
Polls Jira for incidents created or changed since the instance's high-water mark and writes one JiraConnector.JiraEvent per change (EventType CREATED when the incident's created and updated times agree, UPDATED otherwise; polling cannot see deletions: use Receive-JiraEvent for those). The mark is kept per instance in memory, and with -StatePath in a file (per instance URL and object, written to a temporary file and renamed over the old one), so that a script run on a schedule in a new process each time reports every change once; a run killed before saving is repeated by the next, never skipped: the next call without -Since goes on from where this one ended, and every change is reported once even though JQL compares dates only to the minute (incidents updated in the minute a poll starts in are remembered by key and updated time). The first poll of an instance starts event.poller.refresh_interval (15 minutes) ago; -Since starts from a time of your choice and replaces the mark. Events stream as pages arrive; -First stops early and leaves the rest for the next call. When the instance was connected with event.notification.enabled and event.notification.callback.url, each event is also POSTed there, signed with event.notification.signature.key.
'@
    Examples    = @(
        @{ Code = 'Get-JiraEvent -Since (Get-Date).AddHours(-1)'; Remarks = 'The incidents created or changed in the last hour; this also sets the high-water mark.' }
        @{ Code = 'while ($true) { Get-JiraEvent | ForEach-Object { "$($_.EventType) $($_.ObjectId)" }; Start-Sleep 60 }'; Remarks = 'Polls every minute, reporting each change once.' }
    )
}
