@{
    Description = @'
Writes the records a bulk job could not process, streamed from its journal: the row number in the file (1 for the first record after the header), the record's columns, Jira's HTTP status (none when the record never reached Jira, e.g. broken quoting or an unknown column) and Jira's message.

With -OutFile the records are written to a .csv file instead (or .jsonl): the record's own columns followed by _row, _status and _error. Fix the rows and upload the file again with Start-JiraBulkJob; columns starting with "_" are skipped.
'@
    Examples    = @(
        @{ Code = 'Get-JiraBulkJobError -Id $job.JobId | Format-Table Row, Status, Message'; Remarks = 'Lists the failed rows.' }
        @{ Code = 'Get-JiraBulkJobError -Id $job.JobId -OutFile .\fix-me.csv; Start-JiraBulkJob incidents -Path .\fix-me.csv'; Remarks = 'Writes the failed rows to a file, which is uploaded again after fixing.' }
    )
}
