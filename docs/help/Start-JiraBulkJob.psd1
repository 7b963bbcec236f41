@{
    Description = @'
Starts a bulk job and returns it at once, with status CREATED; the job runs on background tasks of this session and can be followed with Get-JiraBulkJob, Wait-JiraBulkJob, Get-Job or Wait-Job.

An upload reads a .csv, .json (an array of objects) or .jsonl file record by record, so memory stays flat whatever its size. CSV headers are Jira field ids or display names, with dotted paths into a value (project.key, issuetype.name, priority.name, components.name); a multi-value field such as labels takes its values separated by ";". Columns named key or id identify an incident and are not sent as fields; columns whose name starts with "_" are skipped (the error file adds _row, _status and _error). The file may be UTF-8 with or without a byte order mark. Incidents are created through issue/bulk, 50 a request, -ThrottleLimit requests at once, backing off when Jira's rate-limit headers say so; Update changes the record named by -IdentifierField with PUT; Upsert looks the identifiers up with JQL in batches and updates the ones found, creating the rest. Projects, comments and worklogs (with an "issue" column naming their incident) are written one request a record.

Every job keeps a journal on disk (manifest, SHA-256 of the file, rows sent, rows done with their keys, errors), flushed batch by batch, so a killed process loses nothing. Every incident created carries the issue property jiraconnector.bulk = {"job": id, "row": n}: after an answer that was lost, and when Resume-JiraBulkJob finishes a job whose process died, the rows that were in flight are looked up by that marker before they are sent again, so no row is created twice. Comments and worklogs carry the same marker as a comment or worklog property, looked up among their incident's (on Cloud through comment/list and the worklog list's expand=properties, on Data Center through each comment's property). Jira Data Center has no worklog properties: there a worklog whose answer was lost, or that a killed process had sent, is not sent again but becomes a row error asking you to look for a duplicate in its incident's worklogs.

A record that cannot be sent (wrong number of cells, broken quoting, unknown field, a value Jira refuses) is recorded as that row's error and the job goes on; Get-JiraBulkJobError lists them and writes them to a file to fix and upload again.

A download (-OutFile) pages through the incidents of -Jql, or of an OCNQL -Query ("select key, summary, status from incidents where ... order by ... limit n", whose fields become the columns and whose conditions Jira cannot express are checked as the incidents stream past), and streams them to a .csv or .jsonl file; CSV cells starting with = + - @ get a leading apostrophe against formula injection unless -NoFormulaEscape is given, and uploads remove that apostrophe again.

With -CallbackUrl, or when the instance was connected with event.notification.callback.url, the finished job's status JSON is POSTed there, signed with Elements-Webhook-Signature: sha256=<base64 HMAC-SHA256> when -SignatureKey (or the instance's event.notification.signature.key) is given; Test-JiraSignature checks such a signature.
'@
    Examples    = @(
        @{ Code = '$job = Start-JiraBulkJob incidents -Path .\incidents.csv; $job | Wait-JiraBulkJob'; Remarks = 'Creates one incident per CSV row and waits for the job with a progress bar.' }
        @{ Code = 'Start-JiraBulkJob incidents -Path .\changes.csv -Action Upsert -IdentifierField "External ID" -ThrottleLimit 8'; Remarks = 'Updates the incidents whose External ID matches a row and creates the others.' }
        @{ Code = 'Start-JiraBulkJob incidents -Jql "project = OPS" -OutFile .\ops.csv -Fields key,project.key,issuetype.name,summary,description,labels'; Remarks = 'Downloads the OPS incidents to a CSV file that can be uploaded again.' }
        @{ Code = 'Start-JiraBulkJob -Query "select key, summary, priority from incidents where priority = ''Highest'' limit 500" -OutFile .\urgent.csv'; Remarks = 'Downloads the first 500 incidents of highest priority, with three columns.' }
        @{ Code = 'Start-JiraBulkJob comments -Path .\comments.jsonl -CallbackUrl https://hooks.example.com/jira -SignatureKey (Read-Host -AsSecureString)'; Remarks = 'Adds comments from a JSON Lines file ({"issue":"OPS-1","body":"..."}) and posts the signed status when done.' }
    )
}
