using System.IO;
using System.Management.Automation;
using JiraConnector.Bulk;
using JiraConnector.Bulk.Journal;
using JiraConnector.Errors;

namespace JiraConnector.Cmdlets
{
    /// <summary>Writes the records a bulk job could not process, with their row number, content,
    /// HTTP status and Jira's message, streamed from the job's journal. -OutFile writes them to a
    /// CSV (or .jsonl) file that can be fixed and uploaded again.</summary>
    [Cmdlet(VerbsCommon.Get, "JiraBulkJobError", DefaultParameterSetName = IdSet)]
    [OutputType(typeof(BulkRowError), typeof(FileInfo))]
    public sealed class GetJiraBulkJobErrorCommand : BulkJobCmdlet
    {
        /// <summary>The job's id (JobId), as Start-JiraBulkJob returned it.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = IdSet, ValueFromPipeline = true)]
        [Alias("JobId")]
        [ValidateNotNullOrEmpty]
        public override string[]? Id { get; set; }

        /// <summary>Write the failed records to this file (.csv or .jsonl) instead of the pipeline; the file is written.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutFile { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var job in SelectedJobs())
            {
                if (!File.Exists(job.Run.Folder.Journal)) continue;
                if (OutFile == null)
                {
                    foreach (var error in JournalReplay.Errors(job.Run.Folder.Journal, job.JobId))
                    {
                        if (Stopping) return;
                        WriteObject(error);
                    }
                    continue;
                }
                var path = GetUnresolvedProviderPathFromPSPath(OutFile);
                var extension = Path.GetExtension(path).ToLowerInvariant();
                if (extension != ".csv" && extension != ".jsonl")
                {
                    ThrowTerminatingError(ErrorRecords.From(new JiraArgumentException(ErrorIds.InvalidArgument.UnsupportedFileType, $"-OutFile must end in .csv or .jsonl, not '{extension}'.", "OutFile"), OutFile));
                }
                var delimiter = job.Run.Manifest.Delimiter.Length == 1 ? job.Run.Manifest.Delimiter[0] : ',';
                var count = ErrorFileWriter.Write(job.Run.Folder.Journal, path, extension == ".csv", delimiter);
                WriteVerbose($"Wrote {count} failed records of job {job.JobId} to {path}.");
                WriteObject(new FileInfo(path));
            }
        }
    }
}
