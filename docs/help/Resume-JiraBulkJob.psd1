@{
    Description = @'
Finishes a bulk job that did not complete: its process was killed, it was stopped, or Jira refused it. The journal says which records are done (they are skipped) and which were sent without an answer; those are looked up in Jira by the job's marker property before they are sent again, so no record is lost and none is created twice (on Data Center, where worklogs cannot carry the marker, such a worklog becomes a row error asking you to check for a duplicate).

The source file must be unchanged since the job started (its SHA-256 is checked): a changed file is refused with SourceFileChanged. The job must be resumed against the site it ran on (InstanceMismatch otherwise), and not while another process runs it (BulkJobRunning).
'@
    Examples    = @(
        @{ Code = 'Resume-JiraBulkJob -Id 20260101-120000-1a2b3c4d | Wait-JiraBulkJob'; Remarks = 'Finishes a job whose process died and waits for it.' }
        @{ Code = 'Resume-JiraBulkJob -JournalPath .\jobs\import-1'; Remarks = 'Resumes a job that was started with -JournalPath.' }
    )
}
