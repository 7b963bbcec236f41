@{
    Description = @'
Cancels bulk jobs of this session. Requests already sent finish and are journaled; the job ends CANCELLED, and Resume-JiraBulkJob can finish it later without sending any record twice. Stop-Job works on bulk jobs too.
'@
    Examples    = @(
        @{ Code = 'Stop-JiraBulkJob -Id $job.JobId'; Remarks = 'Cancels the job.' }
        @{ Code = 'Get-JiraBulkJob | Where-Object Status -eq RUNNING | Stop-JiraBulkJob -PassThru'; Remarks = 'Cancels every running job and shows them.' }
    )
}
