@{
    Description = @'
Shows bulk jobs with their status (CREATED, RUNNING, COMPLETED, ERROR, ABORTED, CANCELLED), RecordsCount, RecordsProcessed, RecordsFailedCount, start and end times, object, action and file.

Without parameters it lists the jobs started or resumed in this PowerShell process. With -Id it also finds jobs that another session ran, or that died with their process, by reading their journal under the user's data folder; -JournalPath reads a journal kept elsewhere. A job whose process died shows as ABORTED until Resume-JiraBulkJob finishes it.
'@
    Examples    = @(
        @{ Code = 'Get-JiraBulkJob'; Remarks = 'Lists the bulk jobs of this session.' }
        @{ Code = 'Get-JiraBulkJob -Id 20260101-120000-1a2b3c4d | Format-List *'; Remarks = 'Shows everything about one job, from this session or from its journal.' }
    )
}
