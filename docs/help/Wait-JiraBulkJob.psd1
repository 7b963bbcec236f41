@{
    Description = @'
Waits for bulk jobs to finish, showing a progress bar for each (records processed of the file's records, and how many failed), and writes each job once it has finished. The progress bars are closed whatever happens, including Ctrl+C. With -Timeout, jobs still running when it elapses are reported as WaitTimeout errors and not written.
'@
    Examples    = @(
        @{ Code = 'Start-JiraBulkJob incidents -Path .\big.csv | Wait-JiraBulkJob'; Remarks = 'Starts a job and waits for it with a progress bar.' }
        @{ Code = 'Wait-JiraBulkJob -Id $job.JobId -Timeout 600'; Remarks = 'Waits at most ten minutes.' }
    )
}
